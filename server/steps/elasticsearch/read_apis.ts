/**
 * Which Elasticsearch calls only read. A dry run sends reads and proposes everything else, so an
 * API not recognised here counts as a write: a dry run may then skip a read, never send a write.
 */

/** `indices.put_mapping` (Elasticsearch's name) and `indices.putMapping` (the client's) are one API. */
export const toClientPath = (api: string): string =>
  api
    .split('.')
    .map((part) => part.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()))
    .join('.');

const READ_NAMESPACES = new Set(['cat']);
const READ_NAMES = new Set([
  'search', 'msearch', 'searchTemplate', 'msearchTemplate', 'renderSearchTemplate', 'searchMvt', 'knnSearch', 'count', 'mget',
  'termvectors', 'mtermvectors', 'fieldCaps', 'termsEnum', 'rankEval', 'info', 'ping', 'health', 'healthReport', 'stats',
  'usage', 'state', 'recovery', 'segments', 'shardStores', 'pendingTasks', 'analyze', 'translate',
  // ES|QL and SQL queries, async searches: they compute results and change no data.
  'query', 'asyncQuery', 'asyncQueryGet', 'submit', 'status',
  // Point-in-time and scroll contexts are read cursors.
  'scroll', 'clearScroll', 'openPointInTime', 'closePointInTime',
]);
const READ_PREFIX = /^(?:get|exists|search|simulate|explain|validate|resolve|has)/;

/** `api` in the client's dotted form, e.g. `indices.getMapping`, `esql.query`. */
export function isReadApi(api: string): boolean {
  const parts = api.split('.');
  const name = parts[parts.length - 1];
  return READ_NAMESPACES.has(parts[0]) || READ_NAMES.has(name) || READ_PREFIX.test(name);
}

/** Endpoints that read even when called with POST (searches, simulations, ES|QL…). */
const READ_ENDPOINTS = new Set([
  '_search', '_msearch', '_count', '_mget', '_explain', '_field_caps', '_analyze', '_query', '_sql', '_simulate', '_termvectors',
  '_mtermvectors', '_rank_eval', '_knn_search', '_terms_enum', '_pit', '_validate', '_eql', '_async_search', '_render', '_mvt',
  '_resolve', '_cat',
]);

/**
 * `elasticsearch.request`: GET and HEAD read; a POST reads when its last `_endpoint` segment is a
 * read endpoint (`/logs/_search`, `/_ingest/pipeline/_simulate`, `/_query`, `/_search/template`).
 */
export function isReadRequest(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  if (method !== 'POST') return false;
  const endpoints = path.split('?')[0].split('/').filter((segment) => segment.startsWith('_'));
  return endpoints.length > 0 && READ_ENDPOINTS.has(endpoints[endpoints.length - 1]);
}
