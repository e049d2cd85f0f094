import { RouteTable } from './route_table';

describe('RouteTable', () => {
  const table = new RouteTable<string>();
  table.add('get', '/api/workflows/{id}', 'get workflow');
  table.add('get', '/api/workflows/search', 'search (static)');
  table.add('get', '/api/workflows/{id}/executions', 'executions');
  table.add('get', '/api/items/{id?}', 'items (optional id)');
  table.add('post', '/api/workflows/{id}', 'post workflow');
  table.add('get', '/', 'root');

  describe.each([
    ['get', '/api/workflows/search', 'search (static)', {}],
    ['get', '/api/workflows/abc', 'get workflow', { id: 'abc' }],
    ['get', '/api/workflows/abc/', 'get workflow', { id: 'abc' }],
    ['get', '/api/workflows/a%20b%2Fc', 'get workflow', { id: 'a b/c' }],
    ['get', '/api/workflows/abc/executions', 'executions', { id: 'abc' }],
    ['get', '/api/items', 'items (optional id)', {}],
    ['get', '/api/items/7', 'items (optional id)', { id: '7' }],
    ['post', '/api/workflows/abc', 'post workflow', { id: 'abc' }],
    ['get', '/', 'root', {}],
  ])('%s %s', (method, path, entry, params) => {
    it(`matches "${entry}"`, () => {
      expect(table.match(method as 'get', path)).toEqual({ entry, params });
    });
  });

  it.each([
    ['get', '/api/workflows'],
    ['get', '/api/workflows/abc/executions/extra'],
    ['get', '/api/items/7/8'],
    ['put', '/api/workflows/abc'],
    ['get', '/api/workflows//executions'],
  ])('finds nothing for %s %s', (method, path) => {
    expect(table.match(method as 'get', path)).toBeUndefined();
  });

  it('prefers the literal segment whatever the registration order', () => {
    const reversed = new RouteTable<string>();
    reversed.add('get', '/api/x/search', 'static');
    reversed.add('get', '/api/x/{id}', 'param');
    expect(reversed.match('get', '/api/x/search')?.entry).toBe('static');
    expect(reversed.match('get', '/api/x/other')?.entry).toBe('param');
  });

  it.each([
    ['/api/workflows/{name}', 'New route /api/workflows/{name} conflicts with existing /api/workflows/{id}'],
    ['/api/workflows/search', 'New route /api/workflows/search conflicts with existing /api/workflows/search'],
    ['/api/{a?}/x', 'Optional parameter {a?} must be the last segment of /api/{a?}/x'],
    ['api/x', 'Route path must start with "/": api/x'],
    ['/api/x{id}', 'Unsupported path segment "x{id}" in route /api/x{id}'],
  ])('rejects %s', (path, message) => {
    expect(() => table.add('get', path, 'x')).toThrow(message);
  });
});
