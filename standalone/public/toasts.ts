import { BehaviorSubject } from 'rxjs';
import type { IToasts, Toast, ToastInput, ToastInputFields } from '@kbn/core/public';

const fields = (input: ToastInput): ToastInputFields => (typeof input === 'string' ? { title: input } : input);

/** Kibana's toasts API; the chrome renders `get$()` with EuiGlobalToastList. */
export class ToastsService implements IToasts {
  private readonly toasts$ = new BehaviorSubject<Toast[]>([]);
  private counter = 0;

  get$() {
    return this.toasts$.asObservable();
  }

  add(input: ToastInput): Toast {
    const toast: Toast = { ...fields(input), id: String(this.counter++) };
    this.toasts$.next([...this.toasts$.value, toast]);
    return toast;
  }

  addSuccess(input: ToastInput): Toast {
    return this.add({ color: 'success', iconType: 'check', ...fields(input) });
  }

  addInfo(input: ToastInput): Toast {
    return this.add({ color: 'primary', iconType: 'info', ...fields(input) });
  }

  addWarning(input: ToastInput): Toast {
    return this.add({ color: 'warning', iconType: 'help', toastLifeTimeMs: 10000, ...fields(input) });
  }

  addDanger(input: ToastInput): Toast {
    return this.add({ color: 'danger', iconType: 'alert', toastLifeTimeMs: 10000, ...fields(input) });
  }

  addError(
    error: Error,
    { title, toastMessage, toastLifeTimeMs }: { title: string; toastMessage?: string; toastLifeTimeMs?: number },
  ): Toast {
    return this.addDanger({ title, text: toastMessage ?? error.message, ...(toastLifeTimeMs ? { toastLifeTimeMs } : {}) });
  }

  remove(toastOrId: Toast | string): void {
    const id = typeof toastOrId === 'string' ? toastOrId : toastOrId.id;
    this.toasts$.next(this.toasts$.value.filter((toast) => toast.id !== id));
  }
}
