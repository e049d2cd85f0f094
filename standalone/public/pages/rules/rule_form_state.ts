/*
 * The rule form's state and its pure conversions: from a saved rule, to Kibana's request body, and
 * the checks of the fields the form owns (action params are checked by their action type models).
 */
import type { ConnectorResponse, NotifyWhen, RuleRequestBody, RuleResponse, RuleTypeResponse } from './rules_api';

export const CONSUMERS = [
  { value: 'alerts', text: 'Stack alerts (alerts)' },
  { value: 'siem', text: 'Security (siem)' },
] as const;

export interface ActionFrequency {
  summary: boolean;
  notifyWhen: NotifyWhen;
  throttle: string | null;
}

export interface RuleFormAction {
  /** Stable React key while the form is open; never sent. */
  key: string;
  connectorId: string;
  actionTypeId: string;
  isSystemAction: boolean;
  /** Kept from the saved rule so the server keeps the action's identity. */
  uuid?: string;
  params: Record<string, unknown>;
  /** Default (non-system) actions only. */
  group?: string;
  frequency?: ActionFrequency;
  /** Set while params typed as JSON (connectors without an action type model) do not parse. */
  paramsError?: string;
}

export interface RuleFormState {
  name: string;
  ruleTypeId: string;
  consumer: string;
  interval: string;
  paramsJson: string;
  tags: string[];
  actions: RuleFormAction[];
}

export type RuleFieldErrors = Partial<Record<'name' | 'ruleTypeId' | 'interval' | 'params', string>>;

let lastActionKey = 0;
const nextActionKey = () => `action-${++lastActionKey}`;

/** Kibana's `validateDurationSchema`: a positive whole number and a unit. */
const DURATION = /^[1-9]\d*[smhd]$/;

const DEFAULT_FREQUENCY: ActionFrequency = { summary: false, notifyWhen: 'onActiveAlert', throttle: null };

export const emptyRuleForm = (): RuleFormState => ({
  name: '',
  ruleTypeId: '',
  consumer: 'alerts',
  interval: '1m',
  paramsJson: '{}',
  tags: [],
  actions: [],
});

export const toRuleForm = (rule: RuleResponse, connectors: ConnectorResponse[]): RuleFormState => ({
  name: rule.name,
  ruleTypeId: rule.rule_type_id,
  consumer: rule.consumer,
  interval: rule.schedule.interval,
  paramsJson: JSON.stringify(rule.params, null, 2),
  tags: rule.tags,
  actions: rule.actions.map((action) => {
    const isSystemAction = connectors.find(({ id }) => id === action.id)?.is_system_action ?? action.group === undefined;
    return {
      key: nextActionKey(),
      connectorId: action.id,
      actionTypeId: action.connector_type_id,
      isSystemAction,
      uuid: action.uuid,
      params: action.params,
      ...(isSystemAction
        ? {}
        : {
            group: action.group,
            frequency: action.frequency
              ? { summary: action.frequency.summary, notifyWhen: action.frequency.notify_when, throttle: action.frequency.throttle }
              : DEFAULT_FREQUENCY,
          }),
    };
  }),
});

export const newRuleAction = (
  connector: ConnectorResponse,
  ruleType: RuleTypeResponse | undefined,
  defaultParams: Record<string, unknown> = {},
): RuleFormAction => ({
  key: nextActionKey(),
  connectorId: connector.id,
  actionTypeId: connector.connector_type_id,
  isSystemAction: connector.is_system_action,
  // A copy: the form edits params in place by key, and the model's defaults are shared.
  params: structuredClone(defaultParams),
  ...(connector.is_system_action ? {} : { group: ruleType?.default_action_group_id, frequency: DEFAULT_FREQUENCY }),
});

const parseParams = (json: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

export const validateRuleFields = (form: RuleFormState): RuleFieldErrors => {
  const errors: RuleFieldErrors = {};
  if (form.name.trim() === '') errors.name = 'Name is required.';
  if (form.ruleTypeId === '') errors.ruleTypeId = 'Rule type is required.';
  if (!DURATION.test(form.interval)) errors.interval = 'Use a whole number and a unit: s, m, h or d (e.g. 5m).';
  if (!parseParams(form.paramsJson)) errors.params = 'Params must be a JSON object.';
  return errors;
};

/** Kibana requires a throttle, and only then, for "on custom action intervals". */
export const validateFrequency = (frequency: ActionFrequency | undefined): string | undefined =>
  frequency?.notifyWhen === 'onThrottleInterval' && !DURATION.test(frequency.throttle ?? '')
    ? 'Set the interval as a whole number and a unit: s, m, h or d (e.g. 1h).'
    : undefined;

/** True when any field of a `validateParams` result carries a message, at any depth. */
export const hasParamErrors = (errors: unknown): boolean => {
  if (typeof errors === 'string') return errors !== '';
  if (Array.isArray(errors)) return errors.some(hasParamErrors);
  if (typeof errors === 'object' && errors !== null) return Object.values(errors).some(hasParamErrors);
  return false;
};

/** Kibana's body: system actions carry only `id` and `params`; default actions a group and a frequency. */
export const toRuleRequestBody = (form: RuleFormState): RuleRequestBody => {
  const params = parseParams(form.paramsJson);
  if (!params) throw new Error('Params must be a JSON object.');
  return {
    rule_type_id: form.ruleTypeId,
    consumer: form.consumer,
    name: form.name.trim(),
    tags: form.tags,
    schedule: { interval: form.interval },
    params,
    actions: form.actions.map(({ connectorId, isSystemAction, uuid, params: actionParams, group, frequency = DEFAULT_FREQUENCY }) => ({
      id: connectorId,
      params: actionParams,
      ...(uuid ? { uuid } : {}),
      ...(isSystemAction
        ? {}
        : {
            group,
            frequency: {
              summary: frequency.summary,
              notify_when: frequency.notifyWhen,
              throttle: frequency.notifyWhen === 'onThrottleInterval' ? frequency.throttle : null,
            },
          }),
    })),
  };
};
