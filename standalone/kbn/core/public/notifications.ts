import type { Observable } from 'rxjs';
import type { MountPoint } from './mount_point';

export interface ToastInputFields {
  title?: string | MountPoint;
  text?: string | MountPoint;
  color?: 'primary' | 'success' | 'warning' | 'danger';
  iconType?: string;
  toastLifeTimeMs?: number;
  'data-test-subj'?: string;
}

export type ToastInput = string | ToastInputFields;

export interface Toast extends ToastInputFields {
  id: string;
}

export interface ErrorToastOptions {
  title: string;
  toastMessage?: string;
  toastLifeTimeMs?: number;
}

export interface IToasts {
  get$(): Observable<Toast[]>;
  add(toastOrTitle: ToastInput): Toast;
  addSuccess(toastOrTitle: ToastInput): Toast;
  addInfo(toastOrTitle: ToastInput): Toast;
  addWarning(toastOrTitle: ToastInput): Toast;
  addDanger(toastOrTitle: ToastInput): Toast;
  addError(error: Error, options: ErrorToastOptions): Toast;
  remove(toastOrId: Toast | string): void;
}

export interface NotificationsSetup {
  toasts: IToasts;
}

export interface NotificationsStart {
  toasts: IToasts;
}
