import { useCallback, useState } from 'react';
import { EuiButton, EuiCallOut, EuiEmptyPrompt, EuiFieldSearch, EuiPageTemplate, EuiSpacer } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import { isTerminalStatus, type SearchWorkflowsResponse, type WorkflowDto } from '../../../common/api';
import { DeleteWorkflowModal } from '../components/delete_workflow_modal';
import { RunWorkflowModal } from '../components/run_workflow_modal';
import { WorkflowTable } from '../components/workflow_table';
import { useRequest } from '../hooks/use_request';
import { errorMessage } from '../lib/errors';
import { appPaths, useAppLink } from '../router';
import { useServices } from '../services';

const strings = {
  title: i18n.translate('workflows.list.title', { defaultMessage: 'Workflows' }),
  description: i18n.translate('workflows.list.description', {
    defaultMessage: 'Automate responses to alerts with YAML workflows: run them by hand, on a schedule, or from rule actions.',
  }),
  create: i18n.translate('workflows.list.createButton', { defaultMessage: 'Create workflow' }),
  search: i18n.translate('workflows.list.searchPlaceholder', { defaultMessage: 'Search workflows' }),
  loadError: i18n.translate('workflows.list.loadErrorTitle', { defaultMessage: 'Could not load workflows' }),
  emptyTitle: i18n.translate('workflows.list.emptyTitle', { defaultMessage: 'Create your first workflow' }),
  emptyBody: i18n.translate('workflows.list.emptyBody', {
    defaultMessage: 'A workflow is a list of steps written in YAML. Start from a template and run it right away.',
  }),
  toggleError: i18n.translate('workflows.list.toggleErrorTitle', { defaultMessage: 'Could not change the workflow' }),
  deleteError: i18n.translate('workflows.list.deleteErrorTitle', { defaultMessage: 'Could not delete the workflow' }),
};

const hasRunInProgress = ({ results }: SearchWorkflowsResponse) =>
  results.some(({ lastExecution }) => lastExecution !== undefined && !isTerminalStatus(lastExecution.status));

export const WorkflowListPage = () => {
  const { api, notifications } = useServices();
  const appLink = useAppLink();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState({ index: 0, size: 20 });
  const [toDelete, setToDelete] = useState<WorkflowDto>();
  const [toRun, setToRun] = useState<WorkflowDto>();
  const [pendingToggles, setPendingToggles] = useState<ReadonlySet<string>>(new Set());

  const search = useCallback(
    () => api.searchWorkflows({ ...(query ? { query } : {}), page: page.index + 1, size: page.size }),
    [api, query, page],
  );
  // Keep the last-run column current while one of the listed runs is still going.
  const { data, error, loading, reload, setData } = useRequest(search, { pollWhile: hasRunInProgress, intervalMs: 2000 });

  const replaceWorkflow = (updated: WorkflowDto) =>
    setData((previous) => previous && { ...previous, results: previous.results.map((item) => (item.id === updated.id ? updated : item)) });

  const toggleEnabled = async (workflow: WorkflowDto, enabled: boolean) => {
    setPendingToggles((ids) => new Set(ids).add(workflow.id));
    try {
      replaceWorkflow({ ...(await api.updateWorkflow(workflow.id, { enabled })), lastExecution: workflow.lastExecution });
    } catch (toggleError) {
      notifications.toasts.addDanger({ title: strings.toggleError, text: errorMessage(toggleError) });
    } finally {
      setPendingToggles((ids) => new Set([...ids].filter((id) => id !== workflow.id)));
    }
  };

  const deleteWorkflow = async (workflow: WorkflowDto) => {
    setToDelete(undefined);
    try {
      await api.deleteWorkflow(workflow.id);
      notifications.toasts.addSuccess(
        i18n.translate('workflows.list.deletedToast', { defaultMessage: 'Deleted workflow "{name}"', values: { name: workflow.name } }),
      );
      reload();
    } catch (deleteError) {
      notifications.toasts.addDanger({ title: strings.deleteError, text: errorMessage(deleteError) });
    }
  };

  const createButton = (
    <EuiButton fill iconType="plus" {...appLink(appPaths.create())} data-test-subj="createWorkflowButton">
      {strings.create}
    </EuiButton>
  );
  const isEmpty = !loading && !error && data?.total === 0 && query === '';

  return (
    <EuiPageTemplate restrictWidth={false} panelled={false} grow>
      <EuiPageTemplate.Header pageTitle={strings.title} description={strings.description} rightSideItems={isEmpty ? [] : [createButton]} />
      <EuiPageTemplate.Section>
        {isEmpty ? (
          <EuiEmptyPrompt
            iconType="workflowsApp"
            title={<h2>{strings.emptyTitle}</h2>}
            body={<p>{strings.emptyBody}</p>}
            actions={createButton}
            data-test-subj="workflowsEmptyPrompt"
          />
        ) : (
          <>
            <EuiFieldSearch
              fullWidth
              incremental
              placeholder={strings.search}
              defaultValue={query}
              onSearch={(value) => {
                setQuery(value.trim());
                setPage((current) => ({ ...current, index: 0 }));
              }}
              data-test-subj="workflowSearch"
            />
            <EuiSpacer size="m" />
            {error !== undefined && (
              <>
                <EuiCallOut title={strings.loadError} color="danger" iconType="error">
                  <p>{errorMessage(error)}</p>
                </EuiCallOut>
                <EuiSpacer size="m" />
              </>
            )}
            <WorkflowTable
              workflows={data?.results ?? []}
              total={data?.total ?? 0}
              pageIndex={page.index}
              pageSize={page.size}
              loading={loading}
              pendingToggles={pendingToggles}
              onPageChange={setPage}
              onToggleEnabled={toggleEnabled}
              onRun={setToRun}
              onDelete={setToDelete}
            />
          </>
        )}
        {toRun && <RunWorkflowModal target={{ kind: 'run', workflow: toRun }} onClose={() => setToRun(undefined)} />}
        {toDelete && (
          <DeleteWorkflowModal workflow={toDelete} onCancel={() => setToDelete(undefined)} onConfirm={() => deleteWorkflow(toDelete)} />
        )}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
};
