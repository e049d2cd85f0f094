import type { StepKind, StepRunContext } from '../types';
import { maskHeaders } from '../http/redaction';
import { stepError } from '../http/response_error';
import { withDocumentIds } from './document_ids';
import { isReadApi, isReadRequest, toClientPath } from './read_apis';
import { assertKnownApi, resolveApi } from './resolve_api';

type Params = Record<string, unknown>;
type Context = StepRunContext<Params>;

/** Every `elasticsearch.*` type: the named steps and any client API by its dotted name. */
export const ELASTICSEARCH_STEP_PATTERN = /^elasticsearch\.[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
const PREFIX = 'elasticsearch.';

function describeFailure(api: string, error: unknown): Error {
  const meta = (error as { meta?: { statusCode?: number; body?: unknown } }).meta;
  if (meta?.statusCode) {
    const cause = (meta.body as { error?: { type?: string; reason?: string } | string } | undefined)?.error;
    const reason = typeof cause === 'string' ? cause : [cause?.type, cause?.reason].filter(Boolean).join(': ');
    return stepError(`Elasticsearch ${api} failed with ${meta.statusCode}${reason ? `: ${reason}` : ''}`, { statusCode: meta.statusCode, body: meta.body ?? null });
  }
  return stepError(`Elasticsearch ${api} failed: ${error instanceof Error ? error.message : String(error)}`);
}

async function send(context: Context, api: string, call: () => Promise<unknown>): Promise<{ output: unknown }> {
  try {
    return { output: await call() };
  } catch (error) {
    if (context.signal.aborted) throw context.signal.reason;
    throw describeFailure(api, error);
  }
}

/** Elasticsearch ignores the header; it is sent so every write of a run is traceable to its step. */
const transportOptions = (context: Context, read: boolean) => ({
  signal: context.signal,
  ...(read ? {} : { headers: { 'Idempotency-Key': context.idempotencyKey } }),
});

function summarize(api: string, params: Params): string {
  const target = [params.index, params.id].filter((part) => part != null).map(String).join('/');
  if (api === 'index' || api === 'create' || api === 'bulk') return params.index != null ? `${api} into ${String(params.index)}` : api;
  return target ? `${api} ${target}` : api;
}

/** `elasticsearch.request`: any endpoint by method and path through the client's transport. */
async function runRequest(context: Context) {
  const { method = 'GET', path = '', body, query, headers } = context.input as { method?: string; path?: string; body?: unknown; query?: Params; headers?: Params };
  const verb = method.toUpperCase();
  const fullPath = path.startsWith('/') ? path : `/${path}`;
  const read = isReadRequest(verb, fullPath);
  const stringHeaders = Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));
  if (context.dryRun && !read) {
    context.proposeEffect({
      kind: 'elasticsearch',
      summary: `${verb} ${fullPath}`,
      request: { api: 'request', params: { method: verb, path: fullPath, query: query ?? null, headers: maskHeaders(stringHeaders), body: body ?? null } },
    });
    return { output: { dryRun: true } };
  }
  const client = context.services.elasticsearch();
  const options = transportOptions(context, read);
  return send(context, 'request', () =>
    client.transport.request({ method: verb, path: fullPath, body: body as Params | undefined, querystring: query }, { ...options, headers: { ...stringHeaders, ...options.headers } })
  );
}

/**
 * `elasticsearch.<api>`: `with` is the client API's parameters, the output its response body.
 * Writes that leave the document id to Elasticsearch (`index`, `create`, `bulk`) get ids derived
 * from the idempotency key, so a rerun overwrites rather than duplicates: hence safe to rerun.
 */
export const elasticsearchStep: StepKind<Params> = {
  type: 'elasticsearch.<api>',
  description: 'Calls an Elasticsearch API as the user the run acts for',
  safeToRerun: true,
  async run(context) {
    const api = context.step.type.slice(PREFIX.length);
    if (api === 'request') return runRequest(context);
    const clientApi = toClientPath(api);
    const read = isReadApi(clientApi);
    const params = read ? (context.input ?? {}) : withDocumentIds(clientApi, context.input ?? {}, context.idempotencyKey);
    if (context.dryRun && !read) {
      assertKnownApi(api);
      context.proposeEffect({ kind: 'elasticsearch', summary: summarize(api, params), request: { api, params } });
      return {
        output: { dryRun: true, ...(params.index != null ? { _index: params.index } : {}), ...(params.id != null ? { _id: params.id } : {}) },
      };
    }
    const call = resolveApi(context.services.elasticsearch(), api);
    return send(context, api, () => call(params, transportOptions(context, read)));
  },
};
