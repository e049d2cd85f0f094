import { hasParamErrors, newRuleAction, toRuleForm, toRuleRequestBody, validateFrequency, validateRuleFields, emptyRuleForm } from './rule_form_state';
import type { ConnectorResponse, RuleResponse, RuleTypeResponse } from './rules_api';

const WORKFLOWS: ConnectorResponse = {
  id: 'system-connector-.workflows',
  name: 'Workflows',
  connector_type_id: '.workflows',
  is_system_action: true,
  is_preconfigured: false,
  is_deprecated: false,
};
const SLACK: ConnectorResponse = { ...WORKFLOWS, id: 'slack-1', name: 'Ops Slack', connector_type_id: '.slack', is_system_action: false };
const WEBHOOK_TYPE: RuleTypeResponse = {
  id: 'standalone.webhook',
  name: 'Webhook alerts',
  action_groups: [{ id: 'default', name: 'Default' }],
  default_action_group_id: 'default',
  producer: 'stackAlerts',
};

describe('rule form state', () => {
  it('builds Kibana’s body: system actions with id and params only, default actions with group and frequency', () => {
    const workflows = newRuleAction(WORKFLOWS, WEBHOOK_TYPE, { subAction: 'run', subActionParams: { workflowId: '' } });
    workflows.params = { subAction: 'run', subActionParams: { workflowId: 'wf-1', summaryMode: false } };
    const slack = newRuleAction(SLACK, WEBHOOK_TYPE, {});
    slack.params = { message: 'hi' };
    const form = { ...emptyRuleForm(), name: ' Pushed alerts ', ruleTypeId: 'standalone.webhook', paramsJson: '{"a":1}', actions: [workflows, slack] };

    expect(toRuleRequestBody(form)).toEqual({
      rule_type_id: 'standalone.webhook',
      consumer: 'alerts',
      name: 'Pushed alerts',
      tags: [],
      schedule: { interval: '1m' },
      params: { a: 1 },
      actions: [
        { id: 'system-connector-.workflows', params: { subAction: 'run', subActionParams: { workflowId: 'wf-1', summaryMode: false } } },
        { id: 'slack-1', params: { message: 'hi' }, group: 'default', frequency: { summary: false, notify_when: 'onActiveAlert', throttle: null } },
      ],
    });
  });

  it('reads a saved rule back into the form, keeping action uuids', () => {
    const rule = {
      id: 'r-1',
      name: 'R',
      tags: ['t'],
      consumer: 'siem',
      rule_type_id: 'standalone.webhook',
      schedule: { interval: '5m' },
      params: {},
      actions: [
        { id: 'system-connector-.workflows', connector_type_id: '.workflows', uuid: 'u-1', params: { subAction: 'run' } },
        { id: 'slack-1', connector_type_id: '.slack', uuid: 'u-2', group: 'default', params: {}, frequency: { summary: true, notify_when: 'onThrottleInterval', throttle: '1h' } },
      ],
    } as unknown as RuleResponse;

    const form = toRuleForm(rule, [WORKFLOWS, SLACK]);
    expect(form).toMatchObject({ name: 'R', consumer: 'siem', interval: '5m', tags: ['t'] });
    expect(toRuleRequestBody(form).actions).toEqual([
      { id: 'system-connector-.workflows', uuid: 'u-1', params: { subAction: 'run' } },
      { id: 'slack-1', uuid: 'u-2', group: 'default', params: {}, frequency: { summary: true, notify_when: 'onThrottleInterval', throttle: '1h' } },
    ]);
  });

  it.each([
    [{ name: '' }, { name: 'Name is required.' }],
    [{ interval: '0m' }, { interval: 'Use a whole number and a unit: s, m, h or d (e.g. 5m).' }],
    [{ paramsJson: '[1]' }, { params: 'Params must be a JSON object.' }],
    [{ paramsJson: '{' }, { params: 'Params must be a JSON object.' }],
    [{ ruleTypeId: '' }, { ruleTypeId: 'Rule type is required.' }],
  ])('rejects %j', (change, errors) => {
    expect(validateRuleFields({ ...emptyRuleForm(), name: 'n', ruleTypeId: 't', ...change })).toEqual(errors);
  });

  it('needs a throttle only for custom action intervals', () => {
    expect(validateFrequency({ summary: false, notifyWhen: 'onActiveAlert', throttle: null })).toBeUndefined();
    expect(validateFrequency({ summary: false, notifyWhen: 'onThrottleInterval', throttle: '' })).toMatch(/whole number/);
    expect(validateFrequency({ summary: false, notifyWhen: 'onThrottleInterval', throttle: '10m' })).toBeUndefined();
  });

  it.each([
    [{ 'subActionParams.workflowId': [] }, false],
    [{ 'subActionParams.workflowId': ['Workflow ID is required.'] }, true],
    [{ nested: { deep: ['x'] } }, true],
    [{ message: '' }, false],
  ])('hasParamErrors(%j) is %s', (errors, expected) => {
    expect(hasParamErrors(errors)).toBe(expected);
  });
});
