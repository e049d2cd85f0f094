import { useEffect, useState } from 'react';
import { EuiGlobalToastList, type EuiGlobalToastListToast } from '@elastic/eui';
import type { MountPoint, Toast } from '@kbn/core/public';
import type { ToastsService } from './toasts';
import { MountPointPortal } from './mount_point_portal';

const render = (content: string | MountPoint | undefined) =>
  typeof content === 'function' ? <MountPointPortal mount={content} /> : content;

export const ToastList = ({ toasts }: { toasts: ToastsService }) => {
  const [list, setList] = useState<Toast[]>([]);
  useEffect(() => {
    const subscription = toasts.get$().subscribe(setList);
    return () => subscription.unsubscribe();
  }, [toasts]);

  const euiToasts: EuiGlobalToastListToast[] = list.map(({ id, title, text, color, iconType, toastLifeTimeMs, ...rest }) => ({
    id,
    title: render(title),
    text: render(text),
    color,
    iconType,
    toastLifeTimeMs,
    'data-test-subj': rest['data-test-subj'],
  }));

  return <EuiGlobalToastList toasts={euiToasts} dismissToast={({ id }) => toasts.remove(id)} toastLifeTimeMs={6000} />;
};
