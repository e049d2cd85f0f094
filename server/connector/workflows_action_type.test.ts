import { expandAlert } from '../alerts/expand_alert';
import { workflowsConnectorAdapter } from './connector_adapter';
import { workflowsActionType } from './workflows_action_type';
import { ExecutorParamsSchema, RuleActionParamsSchema } from './schema';

const logger = { debug: () => undefined } as never;

describe('.workflows action type', () => {
  const jobs: unknown[] = [];
  const type = workflowsActionType(async (job) => {
    jobs.push(job);
    if (job.workflowId === 'off') throw new Error('Workflow "Off" (off) is disabled');
    return { workflowRunIds: ['run-1'], skippedAlerts: 0 };
  });
  const execute = (params: unknown) =>
    type.executor({ actionId: 'system-connector-.workflows', params: ExecutorParamsSchema.validate(params), config: {}, secrets: {}, logger, services: {} });

  it('is a system action type for stack and security rules', () => {
    expect(type).toMatchObject({ id: '.workflows', name: 'Workflows', isSystemActionType: true, supportedFeatureIds: ['alerting', 'siem'], minimumLicenseRequired: 'gold' });
  });

  it('skips when the rule produced no alerts', async () => {
    jobs.length = 0;
    expect(await execute({ subAction: 'run', subActionParams: { workflowId: 'wf', inputs: { event: { alerts: [] } } } })).toEqual({
      status: 'ok', actionId: 'system-connector-.workflows', data: { workflowRunIds: [], skippedAlerts: 0 },
    });
    expect(jobs).toEqual([]);
  });

  it('starts runs and reports them, or reports the workflow error', async () => {
    const event = { triggerType: 'alert', alerts: [{ _id: 'a' }], rule: {}, spaceId: 'default' };
    expect(await execute({ subAction: 'run', subActionParams: { workflowId: 'wf', inputs: { event, extra: 1 }, summaryMode: false } })).toMatchObject({
      status: 'ok', data: { workflowRunIds: ['run-1'] },
    });
    expect(jobs.at(-1)).toMatchObject({ workflowId: 'wf', inputs: { extra: 1 }, summaryMode: false, spaceId: 'default' });
    expect(await execute({ subAction: 'run', subActionParams: { workflowId: 'off', inputs: { event } } })).toMatchObject({
      status: 'error', message: 'Workflows action failed: Workflow "Off" (off) is disabled',
    });
  });

  it('refuses other sub actions with Elastic’s message', async () => {
    await expect(execute({ subAction: 'fly', subActionParams: { workflowId: 'wf' } })).rejects.toThrow(
      '[WorkflowsConnector][Action][ExternalService] Unsupported subAction type fly.'
    );
  });

  it('validates saved rule params like Elastic’s connector', () => {
    expect(() => RuleActionParamsSchema.validate({ subAction: 'run', subActionParams: {} })).toThrow(
      '[subActionParams.workflowId]: expected value of type [string] but got [undefined]'
    );
  });
});

describe('connector adapter', () => {
  it('builds the alert event from new alerts, with rule and space', () => {
    const params = workflowsConnectorAdapter.buildActionParams({
      alerts: {
        new: { count: 1, data: [{ _id: 'a1', _index: 'i', 'kibana.alert.reason': 'r' } as never] },
        ongoing: { count: 1, data: [{ _id: 'a2', _index: 'i' } as never] },
        recovered: { count: 0, data: [] },
        all: { count: 2, data: [] },
      },
      rule: { id: 'r1', name: 'Rule', tags: ['t'], consumer: 'alerts', producer: 'stackAlerts', ruleTypeId: 'standalone.webhook' },
      ruleUrl: 'http://kibana/rule/r1',
      spaceId: 'default',
      params: { subAction: 'run', subActionParams: { workflowId: 'wf' } },
    });
    expect(params).toEqual({
      subAction: 'run',
      subActionParams: {
        workflowId: 'wf',
        summaryMode: true,
        spaceId: 'default',
        inputs: {
          event: {
            triggerType: 'alert',
            alerts: [{ _id: 'a1', _index: 'i', kibana: { alert: { reason: 'r' } } }],
            rule: { id: 'r1', name: 'Rule', tags: ['t'], consumer: 'alerts', producer: 'stackAlerts', ruleTypeId: 'standalone.webhook' },
            ruleUrl: 'http://kibana/rule/r1',
            spaceId: 'default',
            params: { workflowId: 'wf', summaryMode: true },
          },
        },
      },
    });
  });
});

describe('expandAlert', () => {
  it('expands dotted keys, merges with nested objects, keeps _ and @ keys', () => {
    expect(expandAlert({ _id: 'x', '@timestamp': 't', 'host.name': 'web', host: { ip: '1.2.3.4' }, 'kibana.alert.rule.name': 'R', tags: ['a'] })).toEqual({
      _id: 'x', '@timestamp': 't', host: { name: 'web', ip: '1.2.3.4' }, kibana: { alert: { rule: { name: 'R' } } }, tags: ['a'],
    });
  });
});
