/*
 * Kibana's public rules API (`/api/alerting/...`) and the host's alert intake for
 * `standalone.webhook` rules (`/api/standalone/rules/{ruleId}/alerts`).
 */
import { schema } from '@kbn/config-schema';
import type { IRouter, KibanaRequest, RouteSecurity } from '@kbn/core/server';
import { getRequestUser } from '../http/kibana_request';
import { respond } from '../http/http_error';
import type { AlertPushService } from './alert_push';
import { ALERTING_API_PRIVILEGES } from './alerts_client';
import type { RuleTypeRegistry } from './registries';
import { toRuleResponse, toRuleTypeResponse } from './rule_response';
import { CreateRuleBodySchema, FindRulesQuerySchema, OptionalRuleIdParamsSchema, RuleIdParamsSchema, UpdateRuleBodySchema } from './rule_schemas';
import type { RulesService } from './rules_service';

export const RULE_URL = '/api/alerting/rule';
export const RULES_FIND_URL = '/api/alerting/rules/_find';
export const RULE_TYPES_URL = '/api/alerting/rule_types';
export const PUSH_ALERTS_URL = '/api/standalone/rules/{ruleId}/alerts';
export const MAX_PUSHED_ALERTS = 1000;

const READ: RouteSecurity = { authz: { requiredPrivileges: [ALERTING_API_PRIVILEGES.read] } };
const WRITE: RouteSecurity = { authz: { requiredPrivileges: [ALERTING_API_PRIVILEGES.all] } };
const options = { access: 'public' as const };

export interface RulesRouteDeps {
  rules: RulesService;
  ruleTypes: RuleTypeRegistry;
  push: AlertPushService;
  /** Kibana's "Run rule" (`_run_soon`): an extra run of a scheduled rule now. */
  runSoon(id: string): Promise<void>;
}

const userOf = (request: KibanaRequest) => getRequestUser(request);

export function registerRulesRoutes(router: IRouter, { rules, ruleTypes, push, runSoon }: RulesRouteDeps): void {
  router.post(
    { path: `${RULE_URL}/{id?}`, validate: { params: OptionalRuleIdParamsSchema, body: CreateRuleBodySchema }, security: WRITE, options },
    (_context, request, response) =>
      respond(response, async () => {
        const rule = await rules.create({ id: request.params.id, body: request.body, user: userOf(request), request });
        return response.ok({ body: toRuleResponse(rule) });
      })
  );

  router.get({ path: `${RULE_URL}/{id}`, validate: { params: RuleIdParamsSchema }, security: READ, options }, (_context, request, response) =>
    respond(response, async () => response.ok({ body: toRuleResponse(rules.get(request.params.id)) }))
  );

  router.put(
    { path: `${RULE_URL}/{id}`, validate: { params: RuleIdParamsSchema, body: UpdateRuleBodySchema }, security: WRITE, options },
    (_context, request, response) =>
      respond(response, async () => {
        const rule = await rules.update({ id: request.params.id, body: request.body, user: userOf(request), request });
        return response.ok({ body: toRuleResponse(rule) });
      })
  );

  router.delete({ path: `${RULE_URL}/{id}`, validate: { params: RuleIdParamsSchema }, security: WRITE, options }, (_context, request, response) =>
    respond(response, async () => {
      await rules.delete(request.params.id);
      return response.noContent();
    })
  );

  for (const [suffix, enabled] of [['_enable', true], ['_disable', false]] as const) {
    router.post(
      { path: `${RULE_URL}/{id}/${suffix}`, validate: { params: RuleIdParamsSchema }, security: WRITE, options },
      (_context, request, response) =>
        respond(response, async () => {
          await rules.setEnabled(request.params.id, enabled, userOf(request));
          return response.noContent();
        })
    );
  }

  router.post(
    { path: `/internal/alerting/rule/{id}/_run_soon`, validate: { params: RuleIdParamsSchema }, security: WRITE, options: { access: 'internal' as const } },
    (_context, request, response) =>
      respond(response, async () => {
        await runSoon(request.params.id);
        return response.noContent();
      })
  );

  router.get({ path: RULES_FIND_URL, validate: { query: FindRulesQuerySchema }, security: READ, options }, (_context, request, response) =>
    respond(response, async () => {
      const found = rules.find(request.query);
      return response.ok({ body: { page: found.page, per_page: found.perPage, total: found.total, data: found.data.map(toRuleResponse) } });
    })
  );

  router.get({ path: RULE_TYPES_URL, validate: false, security: READ, options }, (_context, _request, response) =>
    response.ok({ body: [...ruleTypes.list().values()].map((type) => toRuleTypeResponse(type, ruleTypes.actionVariablesOf(type.id))) })
  );

  router.post(
    {
      path: PUSH_ALERTS_URL,
      validate: {
        params: schema.object({ ruleId: schema.string() }),
        body: schema.object({
          alerts: schema.arrayOf(schema.recordOf(schema.string(), schema.any()), { minSize: 1, maxSize: MAX_PUSHED_ALERTS }),
        }),
      },
      security: WRITE,
      options,
    },
    (_context, request, response) =>
      respond(response, async () => response.ok({ body: await push.push(request.params.ruleId, request.body.alerts) }))
  );
}
