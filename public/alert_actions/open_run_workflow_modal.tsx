import { createRoot } from 'react-dom/client';
import type { CoreStart } from '@kbn/core/public';
import type { AlertReference } from '@kbn/ui-actions-plugin/public';
import { RunWorkflowModal } from './run_workflow_modal';

/**
 * Shows the modal in a React root of its own and resolves once it is closed. Kibana's
 * `overlays.openModal` would do the same; a root wrapped by `rendering.addContext` needs nothing
 * beyond what every Kibana version in range and the standalone host provide.
 */
export const openRunWorkflowModal = (
  core: Pick<CoreStart, 'http' | 'notifications' | 'application' | 'rendering'>,
  alerts: AlertReference[],
) =>
  new Promise<void>((resolve) => {
    const element = document.createElement('div');
    document.body.appendChild(element);
    const root = createRoot(element);
    const close = () => {
      root.unmount();
      element.remove();
      resolve();
    };
    root.render(core.rendering.addContext(<RunWorkflowModal alerts={alerts} services={core} onClose={close} />));
  });
