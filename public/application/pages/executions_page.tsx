import { useCallback, useState } from 'react';
import {
  EuiBadge,
  EuiBasicTable,
  EuiButton,
  EuiCallOut,
  EuiLink,
  EuiPageTemplate,
  EuiSpacer,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import { isTerminalStatus, type ExecutionSummaryDto, type ListExecutionsResponse } from '../../../common/api';
import { RunWorkflowModal } from '../components/run_workflow_modal';
import { ExecutionStatusBadge } from '../components/status_badge';
import { useRequest } from '../hooks/use_request';
import { errorMessage } from '../lib/errors';
import { formatDuration, formatTimestamp } from '../lib/format';
import { appPaths, useAppLink } from '../router';
import { useServices } from '../services';

const strings = {
  title: i18n.translate('workflows.executions.title', { defaultMessage: 'Executions' }),
  status: i18n.translate('workflows.executions.columns.status', { defaultMessage: 'Status' }),
  started: i18n.translate('workflows.executions.columns.started', { defaultMessage: 'Started' }),
  finished: i18n.translate('workflows.executions.columns.finished', { defaultMessage: 'Finished' }),
  duration: i18n.translate('workflows.executions.columns.duration', { defaultMessage: 'Duration' }),
  triggeredBy: i18n.translate('workflows.executions.columns.triggeredBy', { defaultMessage: 'Triggered by' }),
  testRun: i18n.translate('workflows.executions.testRunBadge', { defaultMessage: 'Test run' }),
  empty: i18n.translate('workflows.executions.empty', { defaultMessage: 'This workflow has not run yet.' }),
  loadFailed: i18n.translate('workflows.executions.loadFailedTitle', { defaultMessage: 'Could not load the executions' }),
  run: i18n.translate('workflows.executions.runButton', { defaultMessage: 'Run' }),
  edit: i18n.translate('workflows.executions.editButton', { defaultMessage: 'Edit workflow' }),
};

const hasRunInProgress = ({ results }: ListExecutionsResponse) => results.some(({ status }) => !isTerminalStatus(status));

export const ExecutionsPage = ({ workflowId }: { workflowId: string }) => {
  const { api } = useServices();
  const appLink = useAppLink();
  const [runFormOpen, setRunFormOpen] = useState(false);
  const loadWorkflow = useCallback(() => api.getWorkflow(workflowId), [api, workflowId]);
  const loadExecutions = useCallback(() => api.listExecutions(workflowId), [api, workflowId]);
  const { data: workflow } = useRequest(loadWorkflow);
  const { data, error, loading } = useRequest(loadExecutions, { pollWhile: hasRunInProgress, intervalMs: 1000 });

  const columns: Array<EuiBasicTableColumn<ExecutionSummaryDto>> = [
    {
      field: 'status',
      name: strings.status,
      render: (status: ExecutionSummaryDto['status'], execution) => (
        <EuiLink {...appLink(appPaths.execution(execution.id))} data-test-subj="executionLink">
          <ExecutionStatusBadge status={status} />
        </EuiLink>
      ),
    },
    { field: 'startedAt', name: strings.started, render: (startedAt: string | null) => formatTimestamp(startedAt) },
    { field: 'finishedAt', name: strings.finished, render: (finishedAt: string | null) => formatTimestamp(finishedAt) },
    { name: strings.duration, render: ({ startedAt, finishedAt }: ExecutionSummaryDto) => formatDuration(startedAt, finishedAt) },
    {
      field: 'triggeredBy',
      name: strings.triggeredBy,
      render: (triggeredBy: string, { isTestRun }: ExecutionSummaryDto) => (
        <>
          {triggeredBy} {isTestRun && <EuiBadge color="accent">{strings.testRun}</EuiBadge>}
        </>
      ),
    },
  ];

  return (
    <EuiPageTemplate restrictWidth={false} panelled={false} grow>
      <EuiPageTemplate.Header
        pageTitle={
          workflow
            ? i18n.translate('workflows.executions.titleWithName', {
                defaultMessage: 'Executions of {name}',
                values: { name: workflow.name },
              })
            : strings.title
        }
        rightSideItems={[
          <EuiButton key="edit" iconType="pencil" {...appLink(appPaths.edit(workflowId))}>
            {strings.edit}
          </EuiButton>,
          <EuiButton
            key="run"
            iconType="play"
            color="success"
            fill
            isDisabled={!workflow?.enabled || !workflow.valid}
            onClick={() => setRunFormOpen(true)}
          >
            {strings.run}
          </EuiButton>,
        ]}
      />
      <EuiPageTemplate.Section>
        {error !== undefined && (
          <>
            <EuiCallOut title={strings.loadFailed} color="danger" iconType="error">
              <p>{errorMessage(error)}</p>
            </EuiCallOut>
            <EuiSpacer size="m" />
          </>
        )}
        <EuiBasicTable<ExecutionSummaryDto>
          items={data?.results ?? []}
          itemId="id"
          columns={columns}
          loading={loading}
          noItemsMessage={strings.empty}
          tableCaption={strings.title}
          data-test-subj="executionsTable"
        />
        {runFormOpen && workflow && <RunWorkflowModal target={{ kind: 'run', workflow }} onClose={() => setRunFormOpen(false)} />}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
};
