import { useCallback } from 'react';
import { i18n } from '@kbn/i18n';
import type { RunWorkflowResponse, WorkflowDto } from '../../../common/api';
import { linkMountPoint } from '../lib/link_mount_point';
import { appPaths } from '../router';
import { useServices } from '../services';

export interface RunOptions {
  inputs: Record<string, unknown>;
  /** Only a test run takes an event: a saved workflow's run gets its event from its trigger. */
  event?: Record<string, unknown>;
  dryRun: boolean;
}

/** What the run form starts: a saved workflow, or YAML from the editor as a test run. */
export type RunTarget =
  { kind: 'run'; workflow: Pick<WorkflowDto, 'id' | 'name' | 'yaml'> } | { kind: 'test'; yaml: string; workflowId?: string };

const startedTitle = (target: RunTarget, dryRun: boolean): string => {
  if (target.kind === 'test') {
    return dryRun
      ? i18n.translate('workflows.run.testDryRunStartedToastTitle', { defaultMessage: 'Test dry run started' })
      : i18n.translate('workflows.run.testStartedToastTitle', { defaultMessage: 'Test run started' });
  }
  const values = { name: target.workflow.name };
  return dryRun
    ? i18n.translate('workflows.run.dryRunStartedToastTitle', { defaultMessage: 'Dry run of "{name}" started', values })
    : i18n.translate('workflows.run.startedToastTitle', { defaultMessage: 'Workflow "{name}" started', values });
};

/**
 * Starts a run, says so with a toast linking to it, and opens the execution page. A refusal is
 * rethrown, not toasted: the run form that asked stays open and shows it next to the inputs.
 */
export const useRunWorkflow = () => {
  const { api, notifications, history } = useServices();
  return useCallback(
    async (target: RunTarget, { inputs, event, dryRun }: RunOptions) => {
      let started: RunWorkflowResponse;
      if (target.kind === 'run') {
        started = await api.runWorkflow(target.workflow.id, { inputs, dryRun });
      } else {
        const { yaml, workflowId } = target;
        started = await api.testWorkflow({ yaml, inputs, dryRun, ...(event ? { event } : {}), ...(workflowId ? { workflowId } : {}) });
      }
      const path = appPaths.execution(started.workflowExecutionId);
      notifications.toasts.addSuccess({
        title: startedTitle(target, dryRun),
        text: linkMountPoint({
          text: i18n.translate('workflows.run.viewExecutionLink', { defaultMessage: 'View the execution' }),
          href: history.createHref({ pathname: path }),
          onClick: () => history.push(path),
        }),
        'data-test-subj': 'workflowRunStartedToast',
      });
      history.push(path);
    },
    [api, notifications, history],
  );
};
