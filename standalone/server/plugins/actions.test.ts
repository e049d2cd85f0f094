import { schema } from '@kbn/config-schema';
import type { KibanaRequest } from '@kbn/core/server';
import type { ActionType } from '@kbn/actions-plugin/server';
import { createUnconfiguredClient } from '../elasticsearch';
import { LoggingSystem } from '../logging';
import { ActionsService } from './actions';

const empty = { schema: schema.object({}) };

function systemType(overrides: Partial<ActionType> = {}): ActionType {
  return {
    id: '.workflows',
    name: 'Workflows',
    minimumLicenseRequired: 'gold',
    supportedFeatureIds: ['alerting', 'siem'],
    isSystemActionType: true,
    validate: { params: { schema: schema.object({ workflowId: schema.string({ minLength: 1 }) }) }, config: empty, secrets: empty },
    executor: async ({ actionId, params }) => ({ actionId, status: 'ok', data: { ran: params.workflowId } }),
    ...overrides,
  };
}

describe('ActionsService', () => {
  const request = { headers: {} } as unknown as KibanaRequest;
  const createService = () => {
    const client = createUnconfiguredClient();
    return new ActionsService({
      logger: new LoggingSystem({ level: 'off' }).get('plugins', 'actions'),
      getScopedClusterClient: () => ({ asCurrentUser: client, asInternalUser: client }),
    });
  };

  it.each([
    [{ supportedFeatureIds: [] }, 'At least one "supportedFeatureId" value must be supplied for connector type ".workflows".'],
    [{ supportedFeatureIds: ['alerting', 'nope', 'bad'] }, 'Invalid feature ids "nope,bad" for connector type ".workflows".'],
    [{ id: 'my-type', minimumLicenseRequired: 'basic' as const }, 'Third party action type "my-type" can only set minimumLicenseRequired to a gold license or higher'],
  ])('rejects the registration %j', (overrides, message) => {
    expect(() => createService().setup().registerType(systemType(overrides))).toThrow(message);
  });

  it('rejects a second registration of the same id', () => {
    const service = createService();
    service.setup().registerType(systemType());
    expect(() => service.setup().registerType(systemType())).toThrow('Action type ".workflows" is already registered.');
  });

  it('lists a system connector per system action type when asked to', async () => {
    const service = createService();
    service.setup().registerType(systemType());
    service.setup().registerType(systemType({ id: '.other', isSystemActionType: false }));
    const client = await service.start().getActionsClientWithRequest(request);
    expect(await client.getAll()).toEqual([]);
    expect(await client.getAll({ includeSystemActions: true })).toEqual([
      { id: 'system-connector-.workflows', name: 'Workflows', actionTypeId: '.workflows', isSystemAction: true, isPreconfigured: false, isDeprecated: false },
    ]);
    expect(service.start().isActionTypeEnabled('.other')).toBe(true);
    expect(service.start().isActionTypeEnabled('.missing')).toBe(false);
  });

  it('executes a system connector with validated params and the request', async () => {
    const service = createService();
    const executor = jest.fn(async ({ actionId, params }) => ({ actionId, status: 'ok' as const, data: { ran: params.workflowId } }));
    service.setup().registerType(systemType({ executor }));
    const client = await service.start().getActionsClientWithRequest(request);
    await expect(client.execute({ actionId: 'system-connector-.workflows', params: { workflowId: 'w1' } })).resolves.toEqual({
      actionId: 'system-connector-.workflows',
      status: 'ok',
      data: { ran: 'w1' },
    });
    expect(executor.mock.calls[0][0]).toMatchObject({ params: { workflowId: 'w1' }, config: {}, secrets: {}, request });
  });

  it('returns error results for invalid params and executor failures, and throws for unknown connectors', async () => {
    const service = createService();
    service.setup().registerType(systemType());
    service.setup().registerType(
      systemType({
        id: '.boom',
        executor: async () => {
          throw new Error('exploded');
        },
      })
    );
    const client = await service.start().getActionsClientWithRequest(request);
    await expect(client.execute({ actionId: 'system-connector-.workflows', params: { workflowId: '' } })).resolves.toEqual({
      actionId: 'system-connector-.workflows',
      status: 'error',
      message: 'error validating action params: [workflowId]: value has length [0] but it must have a minimum length of [1].',
      retry: false,
      errorSource: 'user',
    });
    await expect(client.execute({ actionId: 'system-connector-.boom', params: { workflowId: 'w' } })).resolves.toEqual({
      actionId: 'system-connector-.boom',
      status: 'error',
      message: 'an error occurred while running the action',
      serviceMessage: 'exploded',
      retry: true,
      errorSource: 'framework',
    });
    await expect(client.execute({ actionId: 'nope', params: {} })).rejects.toThrow('Saved object [action/nope] not found');
  });
});
