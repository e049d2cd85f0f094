/**
 * The outside world of a run inside Kibana (and the host): connectors through the actions
 * plugin, Elasticsearch and the Kibana HTTP API as the user the run acts for. The request is
 * Task Manager's fake request (scheduled with the user's request, as Kibana grants an API key).
 */
import type { CoreStart, KibanaRequest } from '@kbn/core/server';
import type { PluginStartContract as ActionsPluginStart } from '@kbn/actions-plugin/server';
import type { ExecutionRecord } from '../storage/types';
import type { StepServices } from '../steps/services';

export interface StepServicesDeps {
  core: CoreStart;
  actions?: ActionsPluginStart;
  kibanaUrl: string;
  startChildRun: StepServices['startChildRun'];
  getRun: StepServices['getRun'];
}

const withDetails = (message: string, details: Record<string, unknown>) => Object.assign(new Error(message), { details });

/** Paths that already name a space (`/s/<space>/api/...`, as some workflows write) are kept as they are. */
const spacePrefix = (spaceId: string, path: string) => (spaceId === 'default' || path.startsWith('/s/') ? '' : `/s/${encodeURIComponent(spaceId)}`);

export function createStepServices(deps: StepServicesDeps, execution: ExecutionRecord, request?: KibanaRequest): StepServices {
  const requireRequest = (what: string) => {
    if (!request) throw new Error(`${what} needs the user the run acts for, and this run has none (it was not started by a user or a rule)`);
    return request;
  };
  return {
    async executeConnector({ connectorId, params, signal, idempotencyKey }) {
      if (!deps.actions) throw new Error('Connectors are not available: the actions plugin is disabled');
      const client = await deps.actions.getActionsClientWithRequest(requireRequest('Running a connector'));
      const result = await client.execute({ actionId: connectorId, params, signal, executionId: idempotencyKey, spaceId: execution.spaceId });
      if (result.status === 'error') {
        const message = [result.message, result.serviceMessage].filter(Boolean).join(': ') || 'the connector failed';
        throw withDetails(`Connector "${connectorId}" failed: ${message}`, { connectorId, serviceMessage: result.serviceMessage ?? null });
      }
      return result.data ?? null;
    },
    elasticsearch() {
      const client = deps.core.elasticsearch.client;
      return request ? client.asScoped(request).asCurrentUser : client.asInternalUser;
    },
    async kibanaRequest({ method, path, body, headers, query, signal }) {
      const authorization = requireRequest('Calling the Kibana API').headers.authorization;
      const absolute = path.startsWith('/') ? path : `/${path}`;
      const url = new URL(`${deps.kibanaUrl.replace(/\/$/, '')}${spacePrefix(execution.spaceId, absolute)}${absolute}`);
      for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value));
      const response = await fetch(url, {
        method: method.toUpperCase(),
        signal,
        headers: {
          ...(authorization ? { authorization: String(authorization) } : {}),
          'kbn-xsrf': 'workflows',
          'x-elastic-internal-origin': 'workflows',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON: keep the text.
      }
      return { status: response.status, body: parsed };
    },
    startChildRun: deps.startChildRun,
    getRun: deps.getRun,
  };
}
