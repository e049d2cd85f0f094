import { useCallback } from 'react';
import { i18n } from '@kbn/i18n';
import type { WorkflowDto } from '../../../common/api';
import { errorMessage } from '../lib/errors';
import { linkMountPoint } from '../lib/link_mount_point';
import { appPaths } from '../router';
import { useServices } from '../services';

/** Starts a run, says so with a toast linking to it, and opens the execution page. */
export const useRunWorkflow = () => {
  const { api, notifications, history } = useServices();
  return useCallback(
    async ({ id, name }: Pick<WorkflowDto, 'id' | 'name'>) => {
      try {
        const { workflowExecutionId } = await api.runWorkflow(id);
        const path = appPaths.execution(workflowExecutionId);
        notifications.toasts.addSuccess({
          title: i18n.translate('workflows.run.startedToastTitle', { defaultMessage: 'Workflow "{name}" started', values: { name } }),
          text: linkMountPoint({
            text: i18n.translate('workflows.run.viewExecutionLink', { defaultMessage: 'View the execution' }),
            href: history.createHref({ pathname: path }),
            onClick: () => history.push(path),
          }),
          'data-test-subj': 'workflowRunStartedToast',
        });
        history.push(path);
      } catch (error) {
        notifications.toasts.addError(error instanceof Error ? error : new Error(String(error)), {
          title: i18n.translate('workflows.run.failedToastTitle', { defaultMessage: 'Could not run workflow "{name}"', values: { name } }),
          toastMessage: errorMessage(error),
        });
      }
    },
    [api, notifications, history],
  );
};
