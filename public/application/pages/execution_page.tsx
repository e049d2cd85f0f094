import { useCallback } from 'react';
import {
  EuiButton,
  EuiCallOut,
  EuiDescriptionList,
  EuiLoadingSpinner,
  EuiPageTemplate,
  EuiPanel,
  EuiProgress,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import { isTerminalStatus, type ExecutionDto } from '../../../common/api';
import { PagePrompt } from '../components/page_prompt';
import { ExecutionStatusBadge } from '../components/status_badge';
import { StepExecutionList } from '../components/step_execution_list';
import { useRequest } from '../hooks/use_request';
import { errorMessage } from '../lib/errors';
import { formatDuration, formatTimestamp } from '../lib/format';
import { appPaths, useAppLink } from '../router';
import { useServices } from '../services';

const strings = {
  title: i18n.translate('workflows.execution.title', { defaultMessage: 'Execution' }),
  status: i18n.translate('workflows.execution.status', { defaultMessage: 'Status' }),
  started: i18n.translate('workflows.execution.started', { defaultMessage: 'Started' }),
  finished: i18n.translate('workflows.execution.finished', { defaultMessage: 'Finished' }),
  duration: i18n.translate('workflows.execution.duration', { defaultMessage: 'Duration' }),
  triggeredBy: i18n.translate('workflows.execution.triggeredBy', { defaultMessage: 'Triggered by' }),
  steps: i18n.translate('workflows.execution.steps', { defaultMessage: 'Steps' }),
  failed: i18n.translate('workflows.execution.errorTitle', { defaultMessage: 'The run failed' }),
  loadFailed: i18n.translate('workflows.execution.loadFailedTitle', { defaultMessage: 'Could not load the execution' }),
  workflow: i18n.translate('workflows.execution.workflowButton', { defaultMessage: 'Workflow' }),
  allExecutions: i18n.translate('workflows.execution.allExecutionsButton', { defaultMessage: 'All executions' }),
  inProgress: i18n.translate('workflows.execution.inProgress', { defaultMessage: 'The run is in progress' }),
};

const isInProgress = (execution: ExecutionDto) => !isTerminalStatus(execution.status);

export const ExecutionPage = ({ executionId }: { executionId: string }) => {
  const { api } = useServices();
  const appLink = useAppLink();
  const load = useCallback(() => api.getExecution(executionId), [api, executionId]);
  // Polls every second until the run reaches a terminal status.
  const { data: execution, error } = useRequest(load, { pollWhile: isInProgress, intervalMs: 1000 });

  if (!execution) {
    return error !== undefined ? (
      <PagePrompt iconType="error" color="danger" title={<h2>{strings.loadFailed}</h2>} body={<p>{errorMessage(error)}</p>} />
    ) : (
      <PagePrompt icon={<EuiLoadingSpinner size="xl" />} />
    );
  }

  const inProgress = isInProgress(execution);
  return (
    <EuiPageTemplate restrictWidth={false} panelled={false} grow>
      <EuiPageTemplate.Header
        pageTitle={execution.workflowName ?? strings.title}
        description={execution.id}
        rightSideItems={[
          <EuiButton key="workflow" iconType="pencil" {...appLink(appPaths.edit(execution.workflowId))}>
            {strings.workflow}
          </EuiButton>,
          <EuiButton key="executions" iconType="list" {...appLink(appPaths.executions(execution.workflowId))}>
            {strings.allExecutions}
          </EuiButton>,
        ]}
      />
      <EuiPageTemplate.Section>
        <EuiPanel hasBorder paddingSize="m" style={{ position: 'relative' }}>
          {inProgress && (
            <EuiProgress
              size="xs"
              color="primary"
              position="absolute"
              aria-label={strings.inProgress}
              data-test-subj="executionInProgress"
            />
          )}
          <EuiDescriptionList
            type="column"
            compressed
            columnWidths={[1, 4]}
            listItems={[
              { title: strings.status, description: <ExecutionStatusBadge status={execution.status} /> },
              { title: strings.started, description: formatTimestamp(execution.startedAt) },
              { title: strings.finished, description: formatTimestamp(execution.finishedAt) },
              { title: strings.duration, description: formatDuration(execution.startedAt, execution.finishedAt) },
              { title: strings.triggeredBy, description: execution.triggeredBy },
            ]}
            data-test-subj="executionSummary"
          />
        </EuiPanel>
        {execution.error && (
          <>
            <EuiSpacer size="m" />
            <EuiCallOut title={strings.failed} color="danger" iconType="error" data-test-subj="executionError">
              <p>{execution.error.message}</p>
            </EuiCallOut>
          </>
        )}
        {error !== undefined && (
          <>
            <EuiSpacer size="m" />
            <EuiCallOut title={strings.loadFailed} color="warning" iconType="warning" size="s">
              <p>{errorMessage(error)}</p>
            </EuiCallOut>
          </>
        )}
        <EuiSpacer size="l" />
        <EuiTitle size="s">
          <h2>{strings.steps}</h2>
        </EuiTitle>
        <EuiSpacer size="s" />
        <StepExecutionList steps={execution.steps} />
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
};
