import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KibanaRequest } from '@kbn/core/server';
import { HostActionsClient } from './actions_client';
import { systemType } from './actions.mocks';
import { getStackConnectorTypes } from './connector_types';
import { captureLogs } from './connector_types/connector_types.mocks';
import { ConnectorStore } from './connector_store';
import { SecretsCipher } from './encryption';
import { ExecutionLedger } from './execution_ledger';
import { startFakeHttpService, type FakeHttpService } from './fake_services';
import { ActionTypeRegistry } from './type_registry';

const request = { headers: {} } as unknown as KibanaRequest;
const SLACK_SECRET = 'https://hooks.example/services/T0/B0/very-secret-path';

describe('HostActionsClient', () => {
  let dataDir: string;
  let service: FakeHttpService;
  let stores: ConnectorStore[];
  let logs: ReturnType<typeof captureLogs>;
  let executor: jest.Mock;

  const createClient = (key = 'the key') => {
    const registry = new ActionTypeRegistry();
    getStackConnectorTypes({ timeoutMs: 5000 }).forEach((type) => registry.register(type));
    registry.register(systemType({ executor }));
    const store = new ConnectorStore(join(dataDir, 'kibana.sqlite'), new SecretsCipher(key));
    stores.push(store);
    return new HostActionsClient({ registry, store, ledger: new ExecutionLedger(store), logger: logs.logger, request, services: { es: 'client' } });
  };
  const createWebhook = (client: HostActionsClient, name: string, id?: string) =>
    client.create({
      action: { actionTypeId: '.webhook', name, config: { url: `${service.url}/${name}`, hasAuth: true }, secrets: { user: 'u', password: 'pw-secret-1' } },
      options: { id },
    });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actions-client-'));
    service = await startFakeHttpService(() => ({ body: { ok: true } }));
    stores = [];
    logs = captureLogs();
    executor = jest.fn(async ({ actionId, params }) => ({ actionId, status: 'ok' as const, data: { ran: params.workflowId } }));
  });
  afterEach(async () => {
    stores.forEach((store) => store.close());
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates, reads, lists, updates and deletes connectors without ever returning secrets', async () => {
    const client = createClient();
    const created = await client.create({ action: { actionTypeId: '.slack', name: 'Ops Slack', config: {}, secrets: { webhookUrl: SLACK_SECRET } }, options: { id: 'ops-slack' } });
    const expected = { id: 'ops-slack', actionTypeId: '.slack', name: 'Ops Slack', config: {}, isMissingSecrets: false, isPreconfigured: false, isDeprecated: false, isSystemAction: false };
    expect(created).toEqual(expected);
    expect(await client.get({ id: 'ops-slack' })).toEqual(expected);
    expect(await client.getAll()).toEqual([{ ...expected, referencedByCount: 0 }]);
    expect((await client.getAll({ includeSystemActions: true })).map(({ id }) => id)).toEqual(['ops-slack', 'system-connector-.workflows']);

    const updated = await client.update({ id: 'ops-slack', action: { name: 'Ops', config: {}, secrets: { webhookUrl: `${SLACK_SECRET}-2` } } });
    expect(updated).toEqual({ ...expected, name: 'Ops' });
    expect(JSON.stringify([created, updated, await client.getAll()])).not.toContain('very-secret-path');

    expect(await client.delete({ id: 'ops-slack' })).toEqual({});
    await expect(client.get({ id: 'ops-slack' })).rejects.toMatchObject({ statusCode: 404, message: 'Saved object [action/ops-slack] not found' });
  });

  it('keeps secrets encrypted in the SQLite files', async () => {
    const client = createClient();
    await client.create({ action: { actionTypeId: '.slack', name: 'Ops Slack', secrets: { webhookUrl: SLACK_SECRET } } });
    await client.create({ action: { actionTypeId: '.pagerduty', name: 'PD', config: { apiUrl: null }, secrets: { routingKey: 'ROUTINGKEY-PLAINTEXT' } } });
    const files = readdirSync(dataDir).filter((file) => file.startsWith('kibana.sqlite'));
    const bytes = files.map((file) => readFileSync(join(dataDir, file)).toString('latin1')).join('');
    expect(bytes).toContain('Ops Slack');
    expect(bytes).not.toContain('very-secret-path');
    expect(bytes).not.toContain('ROUTINGKEY-PLAINTEXT');
  });

  it.each([
    [{ actionTypeId: '.slack', name: 'x', secrets: {} }, 400, 'error validating action type secrets: [webhookUrl]: expected value of type [string] but got [undefined]'],
    [{ actionTypeId: '.webhook', name: 'x', config: { method: 'post' } }, 400, 'error validating action type config: [url]: expected value of type [string] but got [undefined]'],
    [{ actionTypeId: '.workflows', name: 'x' }, 400, 'System action creation is forbidden. Action type: .workflows.'],
    [{ actionTypeId: '.nope', name: 'x' }, 400, 'Action type ".nope" is not registered.'],
  ])('refuses to create %j', async (action, statusCode, message) => {
    await expect(createClient().create({ action })).rejects.toMatchObject({ statusCode, message });
  });

  it('refuses a duplicate id, and changes to system connectors', async () => {
    const client = createClient();
    await createWebhook(client, 'a', 'same');
    await expect(createWebhook(client, 'b', 'same')).rejects.toMatchObject({ statusCode: 409, message: 'Saved object [action/same] conflict' });
    await expect(client.get({ id: 'system-connector-.workflows' })).rejects.toMatchObject({ statusCode: 404, message: 'Connector system-connector-.workflows not found' });
    expect(await client.get({ id: 'system-connector-.workflows', throwIfSystemAction: false })).toMatchObject({ isSystemAction: true, actionTypeId: '.workflows' });
    await expect(client.update({ id: 'system-connector-.workflows', action: { name: 'x' } })).rejects.toThrow('System action system-connector-.workflows can not be updated.');
    await expect(client.delete({ id: 'system-connector-.workflows' })).rejects.toThrow('System action system-connector-.workflows is not allowed to delete.');
  });

  it('asks for the secrets again on update, as Kibana does', async () => {
    const client = createClient();
    await client.create({ action: { actionTypeId: '.slack', name: 'Ops', secrets: { webhookUrl: SLACK_SECRET } }, options: { id: 's' } });
    await expect(client.update({ id: 's', action: { name: 'Ops 2' } })).rejects.toThrow(
      'error validating action type secrets: [webhookUrl]: expected value of type [string] but got [undefined]'
    );
  });

  it('executes by id or by unique name; an id wins over a name, a shared name is refused', async () => {
    const client = createClient();
    await createWebhook(client, 'alpha', 'id-alpha');
    await createWebhook(client, 'id-alpha', 'id-other');
    await createWebhook(client, 'twin', 'twin-1');
    await createWebhook(client, 'twin', 'twin-2');

    expect(await client.execute({ actionId: 'id-alpha', params: { body: '{}' } })).toMatchObject({ actionId: 'id-alpha', status: 'ok' });
    expect(await client.execute({ actionId: 'alpha', params: { body: '{}' } })).toMatchObject({ actionId: 'id-alpha', status: 'ok' });
    expect(service.requests.map(({ path }) => path)).toEqual(['/alpha', '/alpha']);
    await expect(client.execute({ actionId: 'twin', params: {} })).rejects.toMatchObject({
      statusCode: 400,
      message: 'Connector name "twin" is ambiguous: it matches 2 connectors [twin-1, twin-2]; refer to one by its id',
    });
    await expect(client.execute({ actionId: 'nobody', params: {} })).rejects.toMatchObject({ statusCode: 404, message: 'Saved object [action/nobody] not found' });
    await expect(client.execute({ actionId: 'alpha', params: {}, spaceId: 'other-space' })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('runs a system connector with validated params, the request and the services', async () => {
    const client = createClient();
    const source = { type: 'SAVED_OBJECT' as const, source: { id: 'rule-1', type: 'alert' } };
    const taskInfo = { scheduled: new Date(0), attempts: 1 };
    const controller = new AbortController();
    expect(
      await client.execute({ actionId: 'system-connector-.workflows', params: { workflowId: 'w1' }, source, taskInfo, signal: controller.signal, executionId: 'e1' })
    ).toEqual({ actionId: 'system-connector-.workflows', status: 'ok', data: { ran: 'w1' } });
    expect(executor.mock.calls[0][0]).toMatchObject({
      actionId: 'system-connector-.workflows',
      params: { workflowId: 'w1' },
      config: {},
      secrets: {},
      request,
      services: { es: 'client' },
      source,
      taskInfo,
      signal: controller.signal,
      executionId: 'e1',
    });
    expect(await client.execute({ actionId: 'system-connector-.workflows', params: { workflowId: '' } })).toEqual({
      actionId: 'system-connector-.workflows',
      status: 'error',
      message: 'error validating action params: [workflowId]: value has length [0] but it must have a minimum length of [1].',
      retry: false,
      errorSource: 'user',
    });
  });

  it('turns an executor throw into an error result and logs it without secrets', async () => {
    const client = createClient();
    await createWebhook(client, 'hook', 'hook');
    executor.mockImplementation(async () => {
      throw new Error('exploded');
    });
    expect(await client.execute({ actionId: 'system-connector-.workflows', params: { workflowId: 'w' } })).toEqual({
      actionId: 'system-connector-.workflows',
      status: 'error',
      message: 'an error occurred while running the action',
      serviceMessage: 'exploded',
      retry: true,
      errorSource: 'framework',
    });
    service.respondWith(() => ({ status: 500, body: 'server said pw-secret-1' }));
    expect(await client.execute({ actionId: 'hook', params: {} })).toMatchObject({ serviceMessage: '[500] Internal Server Error: server said [REDACTED]' });
    const output = logs.lines.join('');
    expect(output).toContain('action execution failure: .workflows:system-connector-.workflows: Workflows: exploded');
    expect(output).toContain('action execution failure: .webhook:hook: hook: error calling webhook, retry later: [500] Internal Server Error: server said [REDACTED]');
    expect(output).not.toContain('pw-secret-1');
  });

  describe('with an execution id', () => {
    it('sends once and hands the recorded result to later and concurrent calls', async () => {
      const client = createClient();
      await createWebhook(client, 'hook', 'hook');
      service.respondWith(() => ({ body: { n: service.requests.length }, delayMs: 50 }));
      const execute = () => client.execute({ actionId: 'hook', params: { body: '{}' }, executionId: 'run-1:steps.notify' });
      const [first, concurrent] = await Promise.all([execute(), execute()]);
      const later = await execute();
      expect(service.requests).toHaveLength(1);
      expect(first).toEqual({ actionId: 'hook', status: 'ok', data: { status: 200, statusText: 'OK', body: { n: 1 } } });
      expect(concurrent).toEqual(first);
      expect(later).toEqual(first);

      await client.execute({ actionId: 'hook', params: { body: '{}' }, executionId: 'run-1:steps.other' });
      await client.execute({ actionId: 'hook', params: { body: '{}' } });
      expect(service.requests).toHaveLength(3);
    });

    it('remembers the result across a restart, also when the connector was named', async () => {
      await createWebhook(createClient(), 'hook', 'hook');
      await createClient().execute({ actionId: 'hook', params: {}, executionId: 'run-2:s' });
      const resumed = await createClient().execute({ actionId: 'hook', params: {}, executionId: 'run-2:s' });
      expect(resumed).toMatchObject({ actionId: 'hook', status: 'ok' });
      expect(service.requests).toHaveLength(1);
    });

    it('does not record failures, so a retry sends again', async () => {
      const client = createClient();
      await createWebhook(client, 'hook', 'hook');
      service.respondWith(() => ({ status: service.requests.length === 1 ? 503 : 200, body: 'x' }));
      expect(await client.execute({ actionId: 'hook', params: {}, executionId: 'run-3:s' })).toMatchObject({ status: 'error' });
      expect(await client.execute({ actionId: 'hook', params: {}, executionId: 'run-3:s' })).toMatchObject({ status: 'ok' });
      expect(service.requests).toHaveLength(2);
    });

    it('forgets the results of a deleted connector', async () => {
      const client = createClient();
      await createWebhook(client, 'hook', 'hook');
      await client.execute({ actionId: 'hook', params: {}, executionId: 'run-4:s' });
      await client.delete({ id: 'hook' });
      await createWebhook(client, 'hook', 'hook');
      await client.execute({ actionId: 'hook', params: {}, executionId: 'run-4:s' });
      expect(service.requests).toHaveLength(2);
    });
  });

  it('answers an error result when the secrets cannot be decrypted with the current key', async () => {
    await createWebhook(createClient('first key'), 'hook', 'hook');
    expect(await createClient('second key').execute({ actionId: 'hook', params: {} })).toEqual({
      actionId: 'hook',
      status: 'error',
      message: 'Unable to decrypt the secrets of connector [hook]: the encryption key changed or the record was altered',
      retry: false,
      errorSource: 'framework',
    });
    expect(service.requests).toHaveLength(0);
  });
});
