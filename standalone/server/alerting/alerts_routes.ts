/*
 * Alert routes the Alerts page and workflows call: the rule registry's internal `rac` routes and
 * the security solution's status and tags routes (what `kibana.SetAlertsStatus` and
 * `kibana.SetAlertTags` call in Elastic's workflows). The security routes act on every alerts
 * index here, not only the security one, so stack alerts can be triaged the same way.
 */
import { schema } from '@kbn/config-schema';
import type { IRouter, KibanaRequest, RouteSecurity } from '@kbn/core/server';
import { badRequest, respond } from '../http/http_error';
import { literals } from '../schemas';
import { ALERTING_API_PRIVILEGES, MAX_ALERTS_SEARCH_SIZE, type HostAlertsClient } from './alerts_client';

export const RAC_ALERTS_URL = '/internal/rac/alerts';
export const RAC_FIND_URL = `${RAC_ALERTS_URL}/find`;
export const RAC_BULK_UPDATE_URL = `${RAC_ALERTS_URL}/bulk_update`;
export const SIGNALS_STATUS_URL = '/api/detection_engine/signals/status';
export const SIGNALS_TAGS_URL = '/api/detection_engine/signals/tags';

const READ: RouteSecurity = { authz: { requiredPrivileges: [ALERTING_API_PRIVILEGES.read] } };
const WRITE: RouteSecurity = { authz: { requiredPrivileges: [ALERTING_API_PRIVILEGES.all] } };

const StatusSchema = literals(['open', 'acknowledged', 'closed', 'in-progress']);
const QueryDslSchema = schema.recordOf(schema.string(), schema.any());

export function registerAlertsRoutes(router: IRouter, { getClient }: { getClient(request: KibanaRequest): HostAlertsClient }): void {
  router.post(
    {
      path: RAC_FIND_URL,
      validate: {
        body: schema.object({
          query: schema.maybe(QueryDslSchema),
          index: schema.maybe(schema.string()),
          rule_type_ids: schema.maybe(schema.arrayOf(schema.string())),
          consumers: schema.maybe(schema.arrayOf(schema.string())),
          size: schema.maybe(schema.number({ min: 0, max: MAX_ALERTS_SEARCH_SIZE })),
          from: schema.maybe(schema.number({ min: 0 })),
          sort: schema.maybe(schema.any()),
          track_total_hits: schema.maybe(schema.oneOf([schema.boolean(), schema.number()])),
        }),
      },
      security: READ,
      options: { access: 'internal' },
    },
    (_context, request, response) =>
      respond(response, async () => {
        const { rule_type_ids: ruleTypeIds, consumers, ...rest } = request.body;
        return response.ok({ body: await getClient(request).find({ ...rest, ruleTypeIds, consumers }) });
      })
  );

  router.get(
    { path: RAC_ALERTS_URL, validate: { query: schema.object({ id: schema.string(), index: schema.maybe(schema.string()) }) }, security: READ, options: { access: 'internal' } },
    (_context, request, response) => respond(response, async () => response.ok({ body: await getClient(request).get(request.query) }))
  );

  router.post(
    {
      path: RAC_BULK_UPDATE_URL,
      validate: {
        body: schema.object({
          ids: schema.maybe(schema.arrayOf(schema.string())),
          query: schema.maybe(schema.string()),
          index: schema.string(),
          status: StatusSchema,
        }),
      },
      security: WRITE,
      options: { access: 'internal' },
    },
    (_context, request, response) => respond(response, async () => response.ok({ body: await getClient(request).bulkUpdate(request.body) }))
  );

  router.post(
    {
      path: SIGNALS_STATUS_URL,
      validate: {
        body: schema.object({
          signal_ids: schema.maybe(schema.arrayOf(schema.string(), { minSize: 1 })),
          query: schema.maybe(QueryDslSchema),
          status: StatusSchema,
          conflicts: schema.maybe(literals(['abort', 'proceed'])),
        }),
      },
      security: WRITE,
      options: { access: 'public' },
    },
    (_context, request, response) =>
      respond(response, async () => {
        const { signal_ids: ids, query, status } = request.body;
        if (!ids === !query) throw badRequest('[request body]: exactly one of "signal_ids" or "query" must be set');
        const client = getClient(request);
        const body = ids ? await client.updateStatusByQuery({ query: { ids: { values: ids } }, status }) : await client.updateStatusByQuery({ query: query!, status });
        return response.ok({ body });
      })
  );

  router.post(
    {
      path: SIGNALS_TAGS_URL,
      validate: {
        body: schema.object({
          ids: schema.arrayOf(schema.string(), { minSize: 1 }),
          tags: schema.object({ tags_to_add: schema.arrayOf(schema.string()), tags_to_remove: schema.arrayOf(schema.string()) }),
        }),
      },
      security: WRITE,
      options: { access: 'public' },
    },
    (_context, request, response) =>
      respond(response, async () => {
        const { ids, tags } = request.body;
        const overlap = tags.tags_to_add.filter((tag) => tags.tags_to_remove.includes(tag));
        if (overlap.length > 0) throw badRequest(`Duplicate tags [${overlap.join(', ')}] were found in the tags_to_add and tags_to_remove parameters.`);
        return response.ok({ body: await getClient(request).bulkUpdateTags({ ids, add: tags.tags_to_add, remove: tags.tags_to_remove }) });
      })
  );
}
