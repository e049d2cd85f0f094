import { systemType } from './actions.mocks';
import { ActionTypeRegistry } from './type_registry';

describe('ActionTypeRegistry', () => {
  it.each([
    [{ supportedFeatureIds: [] }, 'At least one "supportedFeatureId" value must be supplied for connector type ".workflows".'],
    [{ supportedFeatureIds: ['alerting', 'nope', 'bad'] }, 'Invalid feature ids "nope,bad" for connector type ".workflows".'],
    [{ id: 'my-type', minimumLicenseRequired: 'basic' as const }, 'Third party action type "my-type" can only set minimumLicenseRequired to a gold license or higher'],
  ])('rejects the registration %j', (overrides, message) => {
    expect(() => new ActionTypeRegistry().register(systemType(overrides))).toThrow(message);
  });

  it('rejects a second registration of the same id', () => {
    const registry = new ActionTypeRegistry();
    registry.register(systemType());
    expect(() => registry.register(systemType())).toThrow('Action type ".workflows" is already registered.');
  });

  it('lists types by feature, system types only when asked, and one system connector per system type', () => {
    const registry = new ActionTypeRegistry();
    registry.register(systemType());
    registry.register(systemType({ id: '.slack', name: 'Slack', isSystemActionType: false, supportedFeatureIds: ['alerting', 'uptime'] }));
    expect(registry.list().map(({ id }) => id)).toEqual(['.slack']);
    expect(registry.list({ includeSystemActionTypes: true, featureId: 'siem' }).map(({ id }) => id)).toEqual(['.workflows']);
    expect(registry.list({ featureId: 'uptime' })).toEqual([
      {
        id: '.slack',
        name: 'Slack',
        enabled: true,
        enabledInConfig: true,
        enabledInLicense: true,
        minimumLicenseRequired: 'gold',
        supportedFeatureIds: ['alerting', 'uptime'],
        isSystemActionType: false,
        isDeprecated: false,
      },
    ]);
    expect(registry.systemConnectors()).toEqual([
      {
        id: 'system-connector-.workflows',
        name: 'Workflows',
        actionTypeId: '.workflows',
        config: {},
        isMissingSecrets: false,
        isPreconfigured: false,
        isDeprecated: false,
        isSystemAction: true,
        referencedByCount: 0,
      },
    ]);
    expect(() => registry.get('.nope')).toThrow('Action type ".nope" is not registered.');
  });
});
