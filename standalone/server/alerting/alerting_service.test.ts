/**
 * The alerting and rule registry contracts the plugin gets: registration checks, rule types,
 * and clients that authorize the request's user.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schema } from '@kbn/config-schema';
import type { PluginStartContract as ActionsStart } from '@kbn/actions-plugin/server';
import type { HostUser } from '../auth';
import { createFakeRequest } from '../http/kibana_request';
import { RouteTable } from '../http/route_table';
import { Router } from '../http/router';
import { LoggingSystem } from '../logging';
import { FeaturesService } from '../plugins/features';
import { AlertingService } from './alerting_service';
import { webhookRuleType } from './webhook_rule_type';

const user = (username: string, privileges: HostUser['privileges']): HostUser => ({ username, roles: [], privileges });
const noActions = { getActionsClientWithRequest: async () => ({}) } as unknown as ActionsStart;

describe('AlertingService contracts', () => {
  let dir: string;
  let service: AlertingService;
  let features: FeaturesService;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alerting-'));
    service = new AlertingService({
      file: join(dir, 'kibana.sqlite'),
      logger: new LoggingSystem({ level: 'off' }).get('alerting'),
      publicBaseUrl: 'http://localhost:5601',
      createUserRequest: () => undefined,
    });
    features = new FeaturesService();
  });
  afterEach(async () => {
    service.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const setup = () => service.setup({ router: new Router(new RouteTable()), features: features.setup() });

  it('registers the alerting privileges and the webhook rule type', () => {
    setup();
    expect([...features.getApiPrivileges()].sort()).toEqual(['alerting_all', 'alerting_read']);
    const types = service.start({ actions: noActions }).alerting.listTypes();
    expect(types.get('standalone.webhook')).toMatchObject({ producer: 'stackAlerts', defaultActionGroupId: 'default', recoveryActionGroup: { id: 'recovered' } });
  });

  it.each([
    ['a rule type id twice', (contract: ReturnType<typeof setup>) => contract.alerting.registerType(webhookRuleType), 'Rule type "standalone.webhook" is already registered.'],
    [
      'a default action group that is not one of the groups',
      (contract: ReturnType<typeof setup>) => contract.alerting.registerType({ ...webhookRuleType, id: 'x', defaultActionGroupId: 'nope' }),
      'Rule type [id="x"] cannot be registered. Default action group [nope] is not one of its action groups.',
    ],
    [
      'a connector adapter twice',
      (contract: ReturnType<typeof setup>) => {
        const adapter = { connectorTypeId: '.a', ruleActionParamsSchema: schema.object({}), buildActionParams: () => ({}) };
        contract.alerting.registerConnectorAdapter(adapter);
        contract.alerting.registerConnectorAdapter(adapter);
      },
      '.a is already registered.',
    ],
  ])('refuses %s', (_label, register, message) => {
    expect(() => register(setup())).toThrow(message);
  });

  it('authorizes the alerts and rules clients by the request user', async () => {
    setup();
    const start = service.start({ actions: noActions });
    const viewer = createFakeRequest(user('viewer', new Set(['alerting_read'])));
    const stranger = createFakeRequest(user('stranger', new Set(['cases_all'])));

    const viewerAlerts = await start.ruleRegistry.getRacClientWithRequest(viewer);
    expect((await viewerAlerts.find()).hits.total).toEqual({ value: 0, relation: 'eq' });
    await expect(viewerAlerts.get({ id: 'nope' })).rejects.toMatchObject({ statusCode: 404, message: 'Alert "nope" not found' });
    await expect(viewerAlerts.bulkUpdate({ ids: ['x'], index: '.alerts-*', status: 'closed' })).rejects.toMatchObject({
      statusCode: 403,
      message: 'Unauthorized to update alerts: this needs the Kibana privilege [alerting_all]',
    });
    await expect((await start.ruleRegistry.getRacClientWithRequest(stranger)).find()).rejects.toMatchObject({ statusCode: 403 });

    await expect((await start.alerting.getRulesClientWithRequest(viewer)).get({ id: 'nope' })).rejects.toMatchObject({
      statusCode: 404,
      message: 'Saved object [alert/nope] not found',
    });
    await expect((await start.alerting.getRulesClientWithRequest(stranger)).get({ id: 'nope' })).rejects.toMatchObject({ statusCode: 403 });
  });
});
