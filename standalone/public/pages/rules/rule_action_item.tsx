import { Suspense, useState } from 'react';
import {
  EuiButtonIcon,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiIcon,
  EuiLoadingSpinner,
  EuiPanel,
  EuiSelect,
  EuiSpacer,
  EuiTextArea,
  EuiTitle,
} from '@elastic/eui';
import type { ActionConnector, ActionTypeModel, RuleActionParam, RuleFormParamsErrors } from '@kbn/triggers-actions-ui-plugin/public';
import { validateFrequency, type ActionFrequency, type RuleFormAction } from './rule_form_state';
import type { ConnectorResponse, NotifyWhen, RuleTypeResponse } from './rules_api';

export type UpdateActions = (update: (actions: RuleFormAction[]) => RuleFormAction[]) => void;

interface RuleActionItemProps {
  action: RuleFormAction;
  index: number;
  model: ActionTypeModel | undefined;
  connector: ConnectorResponse | undefined;
  ruleType: RuleTypeResponse | undefined;
  errors: RuleFormParamsErrors;
  updateActions: UpdateActions;
}

const NOTIFY_WHEN_OPTIONS: Array<{ value: NotifyWhen; text: string }> = [
  { value: 'onActionGroupChange', text: 'On status changes' },
  { value: 'onActiveAlert', text: 'On check intervals' },
  { value: 'onThrottleInterval', text: 'On custom action intervals' },
];

const toActionConnector = (connector: ConnectorResponse): ActionConnector => ({
  id: connector.id,
  actionTypeId: connector.connector_type_id,
  name: connector.name,
  config: {},
  isPreconfigured: connector.is_preconfigured,
  isDeprecated: connector.is_deprecated,
  isSystemAction: connector.is_system_action,
});

/** The title a rule form gives an action: a system action is known by its type, any other by its connector. */
export const actionTitle = (connector: ConnectorResponse, model: ActionTypeModel | undefined): string =>
  connector.is_system_action ? (model?.actionTypeTitle ?? connector.name) : connector.name;

/**
 * Params as JSON, for connectors no plugin registered an action type model for: the host does not
 * ship Kibana's built-in connector forms.
 */
const JsonParamsField = ({ action, index, updateActions }: Pick<RuleActionItemProps, 'action' | 'index' | 'updateActions'>) => {
  const [text, setText] = useState(() => JSON.stringify(action.params, null, 2));
  const onChange = (next: string) => {
    setText(next);
    let params: unknown;
    try {
      params = JSON.parse(next);
    } catch {
      params = undefined;
    }
    const valid = typeof params === 'object' && params !== null && !Array.isArray(params);
    updateActions((actions) =>
      actions.map((item, i) =>
        i !== index
          ? item
          : valid
            ? { ...item, params: params as Record<string, unknown>, paramsError: undefined }
            : { ...item, paramsError: 'Params must be a JSON object.' },
      ),
    );
  };
  return (
    <EuiFormRow fullWidth label="Params (JSON)" isInvalid={action.paramsError !== undefined} error={action.paramsError}>
      <EuiTextArea fullWidth rows={4} value={text} onChange={(event) => onChange(event.target.value)} style={{ fontFamily: 'monospace' }} />
    </EuiFormRow>
  );
};

const FrequencyFields = ({ action, index, ruleType, updateActions }: Omit<RuleActionItemProps, 'model' | 'connector' | 'errors'>) => {
  const frequency = action.frequency!;
  const patch = (changes: Partial<RuleFormAction>) =>
    updateActions((actions) => actions.map((item, i) => (i === index ? { ...item, ...changes } : item)));
  const setFrequency = (changes: Partial<ActionFrequency>) => patch({ frequency: { ...frequency, ...changes } });
  const throttleError = validateFrequency(frequency);
  return (
    <EuiFlexGroup gutterSize="m" wrap>
      <EuiFlexItem>
        <EuiFormRow label="Run when">
          <EuiSelect
            data-test-subj="actionGroupSelect"
            options={(ruleType?.action_groups ?? []).map(({ id, name }) => ({ value: id, text: name }))}
            value={action.group}
            onChange={(event) => patch({ group: event.target.value })}
          />
        </EuiFormRow>
      </EuiFlexItem>
      <EuiFlexItem>
        <EuiFormRow label="Action frequency">
          <EuiSelect
            data-test-subj="actionSummarySelect"
            options={[
              { value: 'alert', text: 'For each alert' },
              { value: 'summary', text: 'Summary of alerts' },
            ]}
            value={frequency.summary ? 'summary' : 'alert'}
            onChange={(event) => setFrequency({ summary: event.target.value === 'summary' })}
          />
        </EuiFormRow>
      </EuiFlexItem>
      <EuiFlexItem>
        <EuiFormRow label="Notify">
          <EuiSelect
            data-test-subj="actionNotifyWhenSelect"
            options={NOTIFY_WHEN_OPTIONS}
            value={frequency.notifyWhen}
            onChange={(event) => setFrequency({ notifyWhen: event.target.value as NotifyWhen })}
          />
        </EuiFormRow>
      </EuiFlexItem>
      {frequency.notifyWhen === 'onThrottleInterval' && (
        <EuiFlexItem>
          <EuiFormRow label="Every" isInvalid={throttleError !== undefined} error={throttleError}>
            <EuiFieldText
              value={frequency.throttle ?? ''}
              placeholder="1h"
              isInvalid={throttleError !== undefined}
              onChange={(event) => setFrequency({ throttle: event.target.value })}
            />
          </EuiFormRow>
        </EuiFlexItem>
      )}
    </EuiFlexGroup>
  );
};

/** One action of the rule: its model's params form (lazy, as in Kibana) and, unless a system action, when it runs. */
export const RuleActionItem = ({ action, index, model, connector, ruleType, errors, updateActions }: RuleActionItemProps) => {
  const ParamsFields = model?.actionParamsFields;
  const editAction = (key: string, value: RuleActionParam, atIndex: number) =>
    updateActions((actions) => actions.map((item, i) => (i === atIndex ? { ...item, params: { ...item.params, [key]: value } } : item)));
  const title = connector ? actionTitle(connector, model) : action.connectorId;

  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj={`ruleAction-${action.actionTypeId}`}>
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiIcon type={model?.iconClass ?? 'plugs'} size="m" />
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiTitle size="xs">
            <h4>{title}</h4>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonIcon
            iconType="trash"
            color="danger"
            aria-label={`Remove the ${title} action`}
            data-test-subj="removeActionButton"
            onClick={() => updateActions((actions) => actions.filter((_, i) => i !== index))}
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {ParamsFields ? (
        <Suspense fallback={<EuiLoadingSpinner size="l" />}>
          <ParamsFields
            actionParams={action.params}
            index={index}
            editAction={editAction}
            errors={errors}
            ruleTypeId={ruleType?.id}
            messageVariables={[]}
            actionConnector={connector && toActionConnector(connector)}
            selectedActionGroupId={action.group}
            executionMode="actionForm"
            producerId={ruleType?.producer}
          />
        </Suspense>
      ) : (
        <JsonParamsField action={action} index={index} updateActions={updateActions} />
      )}
      {!action.isSystemAction && action.frequency && (
        <>
          <EuiSpacer size="m" />
          <FrequencyFields action={action} index={index} ruleType={ruleType} updateActions={updateActions} />
        </>
      )}
    </EuiPanel>
  );
};
