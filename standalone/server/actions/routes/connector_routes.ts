/*
 * Kibana's public connector API (`/api/actions/...`) and the two internal listings Kibana's own UI
 * uses, which include system connectors and system action types. Reads and runs need
 * `actions_read`, changes `actions_all`.
 */
import { schema } from '@kbn/config-schema';
import type { IKibanaResponse, IRouter, KibanaRequest, KibanaResponseFactory } from '@kbn/core/server';
import type { ActionsClient } from '@kbn/actions-plugin/server';
import { ActionsClientError } from '../errors';
import { ACTIONS_ALL_PRIVILEGE, ACTIONS_READ_PRIVILEGE } from '../feature';
import { toConnectorResponse, toConnectorTypeResponse, toExecuteResponse, toFindConnectorResponse } from './transforms';

export const BASE_ACTION_API_PATH = '/api/actions';
export const INTERNAL_BASE_ACTION_API_PATH = '/internal/actions';

export interface ConnectorRoutesDeps {
  getActionsClient(request: KibanaRequest): Promise<ActionsClient>;
}

const read = { authz: { requiredPrivileges: [ACTIONS_READ_PRIVILEGE] } };
const write = { authz: { requiredPrivileges: [ACTIONS_ALL_PRIVILEGE] } };
const publicAccess = { access: 'public' as const };

/** Kibana's `validateEmptyStrings`: a blank string is no value. */
const notBlank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? `value '${value}' is not valid` : undefined);
const properties = () => schema.recordOf(schema.string(), schema.any({ validate: notBlank }), { defaultValue: {} });
const idParams = schema.object({ id: schema.string() });

/** Client errors carry the status Kibana answers with; anything else is a bug and becomes a logged 500. */
async function handle(response: KibanaResponseFactory, run: () => Promise<IKibanaResponse>): Promise<IKibanaResponse> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ActionsClientError) return response.customError({ statusCode: error.statusCode, body: { message: error.message } });
    throw error;
  }
}

export function registerCreateConnectorRoute(router: IRouter, { getActionsClient }: ConnectorRoutesDeps): void {
  router.post(
    {
      path: `${BASE_ACTION_API_PATH}/connector/{id?}`,
      validate: {
        params: schema.object({ id: schema.maybe(schema.string()) }),
        body: schema.object({
          name: schema.string({ validate: notBlank }),
          connector_type_id: schema.string({ validate: notBlank }),
          config: properties(),
          secrets: properties(),
        }),
      },
      security: write,
      options: publicAccess,
    },
    async (_context, request, response) =>
      handle(response, async () => {
        const { name, connector_type_id: actionTypeId, config, secrets } = request.body;
        const client = await getActionsClient(request);
        const created = await client.create({ action: { name, actionTypeId, config, secrets }, options: { id: request.params.id } });
        return response.ok({ body: toConnectorResponse(created) });
      })
  );
}

export function registerGetConnectorRoute(router: IRouter, { getActionsClient }: ConnectorRoutesDeps): void {
  router.get({ path: `${BASE_ACTION_API_PATH}/connector/{id}`, validate: { params: idParams }, security: read, options: publicAccess }, async (_context, request, response) =>
    handle(response, async () => response.ok({ body: toConnectorResponse(await (await getActionsClient(request)).get({ id: request.params.id })) }))
  );
}

export function registerUpdateConnectorRoute(router: IRouter, { getActionsClient }: ConnectorRoutesDeps): void {
  router.put(
    {
      path: `${BASE_ACTION_API_PATH}/connector/{id}`,
      validate: { params: idParams, body: schema.object({ name: schema.string({ validate: notBlank }), config: properties(), secrets: properties() }) },
      security: write,
      options: publicAccess,
    },
    async (_context, request, response) =>
      handle(response, async () => {
        const client = await getActionsClient(request);
        return response.ok({ body: toConnectorResponse(await client.update({ id: request.params.id, action: request.body })) });
      })
  );
}

export function registerDeleteConnectorRoute(router: IRouter, { getActionsClient }: ConnectorRoutesDeps): void {
  router.delete({ path: `${BASE_ACTION_API_PATH}/connector/{id}`, validate: { params: idParams }, security: write, options: publicAccess }, async (_context, request, response) =>
    handle(response, async () => {
      await (await getActionsClient(request)).delete({ id: request.params.id });
      return response.noContent();
    })
  );
}

export function registerExecuteConnectorRoute(router: IRouter, { getActionsClient }: ConnectorRoutesDeps): void {
  router.post(
    {
      path: `${BASE_ACTION_API_PATH}/connector/{id}/_execute`,
      validate: { params: idParams, body: schema.object({ params: schema.recordOf(schema.string(), schema.any()) }) },
      security: read,
      options: publicAccess,
    },
    async (_context, request, response) =>
      handle(response, async () => {
        // A client that goes away takes its call with it.
        const controller = new AbortController();
        const subscription = request.events.aborted$.subscribe(() => controller.abort());
        try {
          const client = await getActionsClient(request);
          const result = await client.execute({ actionId: request.params.id, params: request.body.params, signal: controller.signal });
          return response.ok({ body: toExecuteResponse(result) });
        } finally {
          subscription.unsubscribe();
        }
      })
  );
}

export function registerGetAllConnectorsRoutes(router: IRouter, { getActionsClient }: ConnectorRoutesDeps): void {
  for (const [path, includeSystemActions] of [
    [`${BASE_ACTION_API_PATH}/connectors`, false],
    [`${INTERNAL_BASE_ACTION_API_PATH}/connectors`, true],
  ] as const) {
    router.get({ path, validate: false, security: read, options: { access: includeSystemActions ? 'internal' : 'public' } }, async (_context, request, response) =>
      handle(response, async () => {
        const connectors = await (await getActionsClient(request)).getAll({ includeSystemActions });
        return response.ok({ body: connectors.map(toFindConnectorResponse) });
      })
    );
  }
}

export function registerListConnectorTypesRoutes(router: IRouter, { getActionsClient }: ConnectorRoutesDeps): void {
  for (const [path, includeSystemActionTypes] of [
    [`${BASE_ACTION_API_PATH}/connector_types`, false],
    [`${INTERNAL_BASE_ACTION_API_PATH}/connector_types`, true],
  ] as const) {
    router.get(
      {
        path,
        validate: { query: schema.object({ feature_id: schema.maybe(schema.string()) }) },
        security: read,
        options: { access: includeSystemActionTypes ? 'internal' : 'public' },
      },
      async (_context, request, response) =>
        handle(response, async () => {
          const types = await (await getActionsClient(request)).listTypes({ featureId: request.query.feature_id, includeSystemActionTypes });
          return response.ok({ body: types.map(toConnectorTypeResponse) });
        })
    );
  }
}

export function registerConnectorRoutes(router: IRouter, deps: ConnectorRoutesDeps): void {
  registerCreateConnectorRoute(router, deps);
  registerGetConnectorRoute(router, deps);
  registerUpdateConnectorRoute(router, deps);
  registerDeleteConnectorRoute(router, deps);
  registerExecuteConnectorRoute(router, deps);
  registerGetAllConnectorsRoutes(router, deps);
  registerListConnectorTypesRoutes(router, deps);
}
