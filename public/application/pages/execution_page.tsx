import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { EuiBadge, EuiButton, EuiCallOut, EuiLoadingSpinner, EuiPageTemplate, EuiPanel, EuiSpacer, EuiTab, EuiTabs } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import { isTerminalStatus, type ExecutionDto } from '../../../common/api';
import { CancelExecutionButton } from '../components/cancel_execution_button';
import { ExecutionLogs } from '../components/execution_logs';
import { ExecutionSummary } from '../components/execution_summary';
import { HumanInputForm } from '../components/human_input_form';
import { JsonBlock } from '../components/json_block';
import { PagePrompt } from '../components/page_prompt';
import { ProposedEffectsPanel } from '../components/proposed_effects_panel';
import { StepExecutionList, stepAnchorId } from '../components/step_execution_list';
import { useRequest } from '../hooks/use_request';
import { errorMessage } from '../lib/errors';
import { appPaths, useAppLink } from '../router';
import { useServices } from '../services';

const strings = {
  title: i18n.translate('workflows.execution.title', { defaultMessage: 'Execution' }),
  steps: i18n.translate('workflows.execution.steps', { defaultMessage: 'Steps' }),
  logs: i18n.translate('workflows.execution.logs', { defaultMessage: 'Logs' }),
  output: i18n.translate('workflows.execution.output', { defaultMessage: 'Output' }),
  failed: i18n.translate('workflows.execution.errorTitle', { defaultMessage: 'The run failed' }),
  loadFailed: i18n.translate('workflows.execution.loadFailedTitle', { defaultMessage: 'Could not load the execution' }),
  cancelFailed: i18n.translate('workflows.execution.cancelFailedTitle', { defaultMessage: 'The run was not cancelled' }),
  workflow: i18n.translate('workflows.execution.workflowButton', { defaultMessage: 'Workflow' }),
  allExecutions: i18n.translate('workflows.execution.allExecutionsButton', { defaultMessage: 'All executions' }),
  testRun: i18n.translate('workflows.execution.testRunBadge', { defaultMessage: 'Test run' }),
  dryRun: i18n.translate('workflows.execution.dryRunBadge', { defaultMessage: 'Dry run' }),
};

type Tab = 'steps' | 'logs';

const isInProgress = (execution: ExecutionDto) => !isTerminalStatus(execution.status);

const hasOutput = ({ output }: ExecutionDto) => output !== undefined && output !== null && Object.keys(output).length > 0;

const Spaced = ({ size = 'm', children }: { size?: 'm' | 'l'; children: ReactNode }) => (
  <>
    <EuiSpacer size={size} />
    {children}
  </>
);

const Title = ({ execution }: { execution: ExecutionDto }) => (
  <>
    {execution.workflowName ?? strings.title}{' '}
    {execution.dryRun && (
      <EuiBadge color="primary" iconType="eye" data-test-subj="dryRunBadge">
        {strings.dryRun}
      </EuiBadge>
    )}
    {execution.isTestRun && (
      <EuiBadge color="accent" iconType="flask" data-test-subj="testRunBadge">
        {strings.testRun}
      </EuiBadge>
    )}
  </>
);

export const ExecutionPage = ({ executionId }: { executionId: string }) => {
  const { api } = useServices();
  const appLink = useAppLink();
  const load = useCallback(() => api.getExecution(executionId), [api, executionId]);
  // Polls every second until the run reaches a terminal status.
  const { data: execution, error, reload } = useRequest(load, { pollWhile: isInProgress, intervalMs: 1000 });
  const [tab, setTab] = useState<Tab>('steps');
  // A new object per click, so that following the same link twice scrolls twice.
  const [focus, setFocus] = useState<{ stepId: string }>();
  const [cancelError, setCancelError] = useState<unknown>();

  useEffect(() => {
    // jsdom has no scrollIntoView; the highlight still marks the step there.
    if (focus) document.getElementById(stepAnchorId(focus.stepId))?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [focus]);

  if (!execution) {
    return error !== undefined ? (
      <PagePrompt iconType="error" color="danger" title={<h2>{strings.loadFailed}</h2>} body={<p>{errorMessage(error)}</p>} />
    ) : (
      <PagePrompt icon={<EuiLoadingSpinner size="xl" />} />
    );
  }

  const inProgress = isInProgress(execution);
  const selectStep = (stepId: string) => {
    setTab('steps');
    setFocus({ stepId });
  };
  const selectStepPath = (path: string) => {
    const step = execution.steps.findLast((candidate) => candidate.path === path);
    if (step) selectStep(step.id);
  };
  const waitingStep = execution.steps.findLast(({ status }) => status === 'waiting_for_input');

  return (
    <EuiPageTemplate restrictWidth={false} panelled={false} grow>
      <EuiPageTemplate.Header
        pageTitle={<Title execution={execution} />}
        description={execution.id}
        rightSideItems={[
          ...(inProgress
            ? [
                <CancelExecutionButton
                  key="cancel"
                  executionId={execution.id}
                  onSettled={(settledError) => {
                    setCancelError(settledError);
                    reload();
                  }}
                />,
              ]
            : []),
          <EuiButton key="workflow" iconType="pencil" {...appLink(appPaths.edit(execution.workflowId))}>
            {strings.workflow}
          </EuiButton>,
          <EuiButton key="executions" iconType="list" {...appLink(appPaths.executions(execution.workflowId))}>
            {strings.allExecutions}
          </EuiButton>,
        ]}
      />
      <EuiPageTemplate.Section>
        <ExecutionSummary execution={execution} inProgress={inProgress} />
        {execution.error && (
          <Spaced>
            <EuiCallOut title={strings.failed} color="danger" iconType="error" data-test-subj="executionError">
              <p>{execution.error.message}</p>
            </EuiCallOut>
          </Spaced>
        )}
        {error !== undefined && (
          <Spaced>
            <EuiCallOut title={strings.loadFailed} color="warning" iconType="warning" size="s">
              <p>{errorMessage(error)}</p>
            </EuiCallOut>
          </Spaced>
        )}
        {cancelError !== undefined && (
          <Spaced>
            <EuiCallOut title={strings.cancelFailed} color="danger" iconType="error" size="s" data-test-subj="cancelExecutionError">
              <p>{errorMessage(cancelError)}</p>
            </EuiCallOut>
          </Spaced>
        )}
        {execution.status === 'waiting_for_input' && (
          <Spaced>
            <HumanInputForm key={waitingStep?.id} executionId={execution.id} step={waitingStep} onResumed={reload} />
          </Spaced>
        )}
        {hasOutput(execution) && (
          <Spaced>
            <EuiPanel hasBorder paddingSize="m">
              <JsonBlock title={strings.output} value={execution.output} testSubj="executionOutput" />
            </EuiPanel>
          </Spaced>
        )}
        {execution.dryRun && (
          <Spaced size="l">
            <ProposedEffectsPanel steps={execution.steps} inProgress={inProgress} onSelectStep={selectStep} />
          </Spaced>
        )}
        <EuiSpacer size="l" />
        <EuiTabs size="s">
          <EuiTab isSelected={tab === 'steps'} onClick={() => setTab('steps')} append={<EuiBadge>{execution.steps.length}</EuiBadge>}>
            {strings.steps}
          </EuiTab>
          <EuiTab isSelected={tab === 'logs'} onClick={() => setTab('logs')} data-test-subj="executionLogsTab">
            {strings.logs}
          </EuiTab>
        </EuiTabs>
        <EuiSpacer size="m" />
        {tab === 'steps' ? (
          <StepExecutionList steps={execution.steps} highlightedId={focus?.stepId} />
        ) : (
          <ExecutionLogs executionId={execution.id} inProgress={inProgress} onSelectStepPath={selectStepPath} />
        )}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
};
