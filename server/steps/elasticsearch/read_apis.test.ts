import { isReadApi, isReadRequest, toClientPath } from './read_apis';

describe('read_apis', () => {
  it.each([
    ['search', true],
    ['esql.query', true],
    ['indices.exists', true],
    ['indices.getMapping', true],
    ['cat.indices', true],
    ['count', true],
    ['mget', true],
    ['ingest.simulate', true],
    ['security.hasPrivileges', true],
    ['index', false],
    ['create', false],
    ['update', false],
    ['delete', false],
    ['bulk', false],
    ['deleteByQuery', false],
    ['updateByQuery', false],
    ['indices.create', false],
    ['indices.putMapping', false],
    ['indices.delete', false],
    ['ingest.putPipeline', false],
    ['somethingNew', false],
  ])('%s reads: %s', (api, read) => {
    expect(isReadApi(api)).toBe(read);
  });

  it.each([
    ['GET', '/_cluster/health', true],
    ['HEAD', '/parks', true],
    ['POST', '/logs-*/_search', true],
    ['POST', '/_ingest/pipeline/_simulate', true],
    ['POST', '/_query?format=json', true],
    ['POST', '/_search/template', true],
    ['POST', '/fraud/_eql/search', true],
    ['POST', '/parks/_doc', false],
    ['POST', '/_bulk', false],
    ['POST', '/parks/_delete_by_query', false],
    ['PUT', '/parks', false],
    ['DELETE', '/parks/_search', false],
  ])('%s %s reads: %s', (method, path, read) => {
    expect(isReadRequest(method, path)).toBe(read);
  });

  it('takes Elasticsearch (snake_case) and client (camelCase) names alike', () => {
    expect([toClientPath('indices.put_mapping'), toClientPath('indices.putMapping'), toClientPath('esql.async_query_get')]).toEqual([
      'indices.putMapping',
      'indices.putMapping',
      'esql.asyncQueryGet',
    ]);
  });
});
