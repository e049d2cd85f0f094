import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  EuiBadge,
  EuiComboBox,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiHighlight,
  EuiLink,
  EuiSpacer,
  EuiSwitch,
  EuiText,
  type EuiComboBoxOptionMatcher,
  type EuiComboBoxOptionOption,
} from '@elastic/eui';
import type { ActionParamsProps } from '@kbn/triggers-actions-ui-plugin/public';
import type { WorkflowDto } from '../../common/api';
import type { EnabledWorkflows } from './enabled_workflows';
import * as strings from './translations';
import type { WorkflowsActionParams, WorkflowsConnectorServices, WorkflowsSubActionParams } from './types';

export interface WorkflowsParamsFieldsProps extends ActionParamsProps<WorkflowsActionParams> {
  services: WorkflowsConnectorServices;
  enabledWorkflows: EnabledWorkflows;
}

type WorkflowOption = EuiComboBoxOptionOption<WorkflowDto>;

const DEFAULT_SUB_ACTION_PARAMS: WorkflowsSubActionParams = { workflowId: '', summaryMode: true };

const toOption = (workflow: WorkflowDto): WorkflowOption => ({
  key: workflow.id,
  label: workflow.name,
  value: workflow,
  'data-test-subj': `workflowOption-${workflow.id}`,
});

/** Matches the name and the tags, so `edr` finds every workflow tagged `edr`. */
const matchNameOrTag: EuiComboBoxOptionMatcher<WorkflowDto> = ({ option, normalizedSearchValue }) => {
  const needle = normalizedSearchValue.toLowerCase();
  return option.label.toLowerCase().includes(needle) || (option.value?.tags ?? []).some((tag) => tag.toLowerCase().includes(needle));
};

const renderWorkflowOption = (option: WorkflowOption, searchValue: string) => (
  <EuiFlexGroup direction="column" gutterSize="none" responsive={false}>
    <EuiFlexItem>
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
        <EuiFlexItem grow={false}>
          <EuiHighlight search={searchValue}>{option.label}</EuiHighlight>
        </EuiFlexItem>
        {option.value?.triggerTypes.includes('alert') && (
          <EuiFlexItem grow={false}>
            <EuiBadge color="accent">{strings.ALERT_TRIGGER_BADGE}</EuiBadge>
          </EuiFlexItem>
        )}
        {option.value?.tags.map((tag) => (
          <EuiFlexItem grow={false} key={tag}>
            <EuiBadge color="hollow">{tag}</EuiBadge>
          </EuiFlexItem>
        ))}
      </EuiFlexGroup>
    </EuiFlexItem>
    {option.value?.description && (
      <EuiFlexItem>
        <EuiText size="xs" color="subdued">
          {option.value.description}
        </EuiText>
      </EuiFlexItem>
    )}
  </EuiFlexGroup>
);

const errorMessage = (error: unknown): string =>
  (error as { body?: { message?: string } })?.body?.message ?? (error instanceof Error ? error.message : String(error));

const firstError = (value: unknown): string | undefined => (Array.isArray(value) ? value.find((item) => typeof item === 'string') : undefined);

/**
 * The params form of the `.workflows` rule action: which enabled workflow to run, and whether to run
 * it once per alert or once per rule run.
 */
const WorkflowsParamsFields = ({ actionParams, editAction, index, errors, services, enabledWorkflows }: WorkflowsParamsFieldsProps) => {
  const subActionParams = actionParams.subActionParams;
  const workflowId = subActionParams?.workflowId ?? '';
  const [workflows, setWorkflows] = useState<WorkflowDto[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();

  useEffect(() => {
    editAction('subAction', 'run', index);
    // Fills in what a rule saved by an older version (or a fresh action) lacks, keeping what is there.
    if (Object.keys(DEFAULT_SUB_ACTION_PARAMS).some((key) => !(key in (subActionParams ?? {})))) {
      editAction('subActionParams', { ...DEFAULT_SUB_ACTION_PARAMS, ...subActionParams }, index);
    }
    // Once, on mount, as Elastic's connector does: later edits go through `update`.
  }, []);

  useEffect(() => {
    let active = true;
    // Always fresh here: a workflow may have been enabled or created in another tab a minute ago.
    enabledWorkflows.load({ refresh: true }).then(
      ({ workflows: loaded }) => active && setWorkflows(loaded),
      (error: unknown) => active && setLoadError(strings.LOAD_FAILED(errorMessage(error))),
    );
    return () => {
      active = false;
    };
  }, [enabledWorkflows]);

  const update = useCallback(
    (changes: Partial<WorkflowsSubActionParams>) =>
      editAction('subActionParams', { ...DEFAULT_SUB_ACTION_PARAMS, ...subActionParams, ...changes }, index),
    [editAction, index, subActionParams],
  );

  const options = useMemo(() => (workflows ?? []).map(toOption), [workflows]);
  const selected = workflows?.find(({ id }) => id === workflowId);
  // A saved id with no enabled workflow behind it: show the id so the user sees what is broken.
  const unavailable = workflows !== undefined && workflowId !== '' && !selected;
  const selectedOptions: WorkflowOption[] = selected ? [toOption(selected)] : workflowId ? [{ key: workflowId, label: workflowId }] : [];
  const shownError = loadError ?? (unavailable ? strings.WORKFLOW_UNAVAILABLE : firstError(errors['subActionParams.workflowId']));

  return (
    <>
      <EuiFormRow
        fullWidth
        label={strings.WORKFLOW_LABEL}
        helpText={strings.WORKFLOW_HELP}
        isInvalid={shownError !== undefined}
        error={shownError}
        labelAppend={
          <EuiText size="xs">
            <EuiLink
              href={services.application.getUrlForApp('workflows', { path: '/create' })}
              target="_blank"
              data-test-subj="createWorkflowLink"
            >
              {strings.CREATE_WORKFLOW}
            </EuiLink>
          </EuiText>
        }
      >
        <EuiComboBox<WorkflowDto>
          fullWidth
          data-test-subj="workflowIdSelector"
          placeholder={strings.WORKFLOW_PLACEHOLDER}
          singleSelection={{ asPlainText: true }}
          isLoading={workflows === undefined && loadError === undefined}
          isInvalid={shownError !== undefined}
          options={options}
          selectedOptions={selectedOptions}
          optionMatcher={matchNameOrTag}
          sortMatchesBy="none"
          renderOption={renderWorkflowOption}
          rowHeight={56}
          onChange={([option]) => update({ workflowId: option?.value?.id ?? '' })}
        />
      </EuiFormRow>
      <EuiSpacer size="m" />
      <EuiFormRow fullWidth label={strings.FREQUENCY_LABEL} helpText={strings.RUN_PER_ALERT_HELP}>
        <EuiSwitch
          data-test-subj="workflowsRunPerAlertSwitch"
          label={strings.RUN_PER_ALERT}
          checked={subActionParams?.summaryMode === false}
          onChange={(event) => update({ summaryMode: !event.target.checked })}
        />
      </EuiFormRow>
    </>
  );
};

// The rule form lazy-loads this module and renders its default export.
export default WorkflowsParamsFields;
