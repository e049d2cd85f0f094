import { useEffect, useMemo, useState } from 'react';
import {
  EuiBadge,
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiSelectable,
  EuiSpacer,
  EuiText,
  useGeneratedHtmlId,
  type EuiSelectableOption,
} from '@elastic/eui';
import type { AlertReference } from '@kbn/ui-actions-plugin/public';
import { WORKFLOW_RUN_API, withParams, type RunWorkflowResponse, type WorkflowDto } from '../../common/api';
import { errorMessage } from '../application/lib/errors';
import { linkMountPoint } from '../application/lib/link_mount_point';
import { EnabledWorkflows } from '../connector/enabled_workflows';
import * as strings from './translations';
import type { AlertRunEvent, RunWorkflowServices } from './types';

export interface RunWorkflowModalProps {
  /** The alerts the run gets as `event.alerts`: one from a row or the flyout, several from a bulk action. */
  alerts: AlertReference[];
  services: RunWorkflowServices;
  onClose(): void;
}

/** EUI hands `renderOption` the option with its `data` spread in, so `workflow` arrives at the top level. */
type WorkflowOption = EuiSelectableOption<{ workflow?: WorkflowDto }>;

const toOption = (workflow: WorkflowDto, selectedId: string | undefined): WorkflowOption => ({
  key: workflow.id,
  label: workflow.name,
  // Tags are searched too, so `edr` finds every workflow tagged `edr`.
  searchableLabel: [workflow.name, ...workflow.tags].join(' '),
  // An invalid definition cannot run; it stays visible so nobody wonders where it went.
  disabled: !workflow.valid,
  checked: workflow.id === selectedId ? 'on' : undefined,
  data: { workflow },
  'data-test-subj': `runWorkflowOption-${workflow.id}`,
});

const renderOption = ({ workflow }: WorkflowOption) =>
  workflow && (
    <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
      <EuiFlexItem grow={false}>
        <strong>{workflow.name}</strong>
      </EuiFlexItem>
      {workflow.triggerTypes.includes('alert') && (
        <EuiFlexItem grow={false}>
          <EuiBadge color="accent">{strings.ALERT_TRIGGER_BADGE}</EuiBadge>
        </EuiFlexItem>
      )}
      {!workflow.valid && (
        <EuiFlexItem grow={false}>
          <EuiBadge color="danger">{strings.INVALID_BADGE}</EuiBadge>
        </EuiFlexItem>
      )}
      {workflow.tags.map((tag) => (
        <EuiFlexItem grow={false} key={tag}>
          <EuiBadge color="hollow">{tag}</EuiBadge>
        </EuiFlexItem>
      ))}
      <EuiFlexItem css={{ minWidth: 0 }}>
        <EuiText size="xs" color="subdued" className="eui-textTruncate">
          {workflow.description}
        </EuiText>
      </EuiFlexItem>
    </EuiFlexGroup>
  );

/** Loads the enabled workflows once per modal: a workflow enabled a minute ago must be offered. */
const useEnabledWorkflows = (services: RunWorkflowServices) => {
  const [state, setState] = useState<{ workflows?: WorkflowDto[]; error?: string }>({});
  useEffect(() => {
    let active = true;
    new EnabledWorkflows(async () => services.http).load({ refresh: true }).then(
      ({ workflows }) => active && setState({ workflows }),
      (error: unknown) => active && setState({ error: strings.loadFailed(errorMessage(error)) }),
    );
    return () => {
      active = false;
    };
  }, [services.http]);
  return state;
};

/**
 * Picks an enabled workflow and runs it now on the given alerts; the server looks the alerts up and
 * builds the same `event` a rule run would. A toast links to the run.
 */
export const RunWorkflowModal = ({ alerts, services, onClose }: RunWorkflowModalProps) => {
  const { http, notifications, application } = services;
  const titleId = useGeneratedHtmlId();
  const { workflows, error } = useEnabledWorkflows(services);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [running, setRunning] = useState(false);
  const options = useMemo(() => (workflows ?? []).map((workflow) => toOption(workflow, selectedId)), [workflows, selectedId]);
  const selected = workflows?.find(({ id }) => id === selectedId);

  const run = async () => {
    if (!selected) return;
    setRunning(true);
    const event: AlertRunEvent = { triggerType: 'alert', alertIds: alerts.map(({ _id, _index }) => ({ _id, _index })) };
    try {
      const { workflowExecutionId } = await http.post<RunWorkflowResponse>(withParams(WORKFLOW_RUN_API, { id: selected.id }), {
        body: JSON.stringify({ inputs: { event } }),
      });
      const href = application.getUrlForApp('workflows', { path: `/execution/${encodeURIComponent(workflowExecutionId)}` });
      notifications.toasts.addSuccess({
        title: strings.startedToastTitle(selected.name),
        text: linkMountPoint({ text: strings.VIEW_RUN, href, onClick: () => application.navigateToUrl(href) }),
        'data-test-subj': 'runWorkflowOnAlertStartedToast',
      });
      onClose();
    } catch (runError) {
      notifications.toasts.addError(runError instanceof Error ? runError : new Error(String(runError)), {
        title: strings.failedToastTitle(selected.name),
        toastMessage: errorMessage(runError),
      });
      setRunning(false);
    }
  };

  return (
    <EuiModal onClose={onClose} aria-labelledby={titleId} style={{ width: 640 }} data-test-subj="runWorkflowOnAlertModal">
      <EuiModalHeader>
        <EuiModalHeaderTitle id={titleId}>{strings.MODAL_TITLE}</EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        <EuiText size="s">
          <p>{strings.modalDescription(alerts.length)}</p>
        </EuiText>
        <EuiSpacer size="m" />
        {error ? (
          <EuiCallOut color="danger" iconType="warning" title={error} data-test-subj="runWorkflowLoadError" />
        ) : workflows?.length === 0 ? (
          <EuiCallOut title={strings.NO_WORKFLOWS} data-test-subj="runWorkflowNoWorkflows">
            <EuiLink href={application.getUrlForApp('workflows', { path: '/create' })}>{strings.CREATE_WORKFLOW}</EuiLink>
          </EuiCallOut>
        ) : (
          <EuiSelectable<{ workflow?: WorkflowDto }>
            aria-label={strings.MODAL_TITLE}
            searchable
            searchProps={{ placeholder: strings.SEARCH_PLACEHOLDER, 'data-test-subj': 'runWorkflowSearch' }}
            singleSelection
            isLoading={workflows === undefined}
            options={options}
            renderOption={renderOption}
            listProps={{ rowHeight: 40, bordered: true, 'data-test-subj': 'runWorkflowOptions' }}
            onChange={(next) => setSelectedId(next.find(({ checked }) => checked === 'on')?.key)}
          >
            {(list, search) => (
              <>
                {search}
                <EuiSpacer size="s" />
                {list}
                <EuiSpacer size="xs" />
                <EuiText size="xs" color="subdued">
                  {strings.LIST_HELP}
                </EuiText>
              </>
            )}
          </EuiSelectable>
        )}
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButtonEmpty onClick={onClose} data-test-subj="runWorkflowCancel">
          {strings.CANCEL}
        </EuiButtonEmpty>
        <EuiButton fill iconType="play" onClick={run} isDisabled={!selected} isLoading={running} data-test-subj="runWorkflowConfirm">
          {strings.RUN}
        </EuiButton>
      </EuiModalFooter>
    </EuiModal>
  );
};
