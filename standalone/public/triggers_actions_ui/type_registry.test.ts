import { TypeRegistry } from './type_registry';

describe('TypeRegistry', () => {
  it('registers, finds and lists models in registration order', () => {
    const registry = new TypeRegistry<{ id: string; title: string }>();
    registry.register({ id: '.workflows', title: 'Workflows' });
    registry.register({ id: '.slack', title: 'Slack' });

    expect(registry.has('.workflows')).toBe(true);
    expect(registry.has('.jira')).toBe(false);
    expect(registry.get('.slack')).toEqual({ id: '.slack', title: 'Slack' });
    expect(registry.list().map(({ id }) => id)).toEqual(['.workflows', '.slack']);
  });

  it('refuses a second model with the same id and an unknown id, with Kibana’s messages', () => {
    const registry = new TypeRegistry<{ id: string }>();
    registry.register({ id: '.workflows' });

    expect(() => registry.register({ id: '.workflows' })).toThrow('Object type ".workflows" is already registered.');
    expect(() => registry.get('.nope')).toThrow('Object type ".nope" is not registered.');
  });
});
