/*
 * Request schemas of Kibana's public rules API (`/api/alerting/rule`, `/api/alerting/rules/_find`),
 * snake_case as on the wire.
 */
import { schema, type TypeOf } from '@kbn/config-schema';
import { literals, oneOrMany } from '../schemas';

const DURATION = /^[1-9]\d*[smhd]$/;

/** Kibana's `validateDurationSchema` message. */
const durationSchema = schema.string({ validate: (value) => (DURATION.test(value) ? undefined : `string is not a valid duration: ${value}`) });

export const NotifyWhenSchema = literals(['onActionGroupChange', 'onActiveAlert', 'onThrottleInterval']);

const paramsSchema = schema.recordOf(schema.string(), schema.any(), { defaultValue: {} });

export const RuleActionRequestSchema = schema.object({
  /** Absent on system actions, which run once per rule run whatever the group. */
  group: schema.maybe(schema.string()),
  id: schema.string(),
  params: paramsSchema,
  frequency: schema.maybe(
    schema.object({ summary: schema.boolean(), notify_when: NotifyWhenSchema, throttle: schema.nullable(durationSchema) })
  ),
  uuid: schema.maybe(schema.string()),
  use_alert_data_for_template: schema.maybe(schema.boolean()),
});

export type RuleActionRequest = TypeOf<typeof RuleActionRequestSchema>;

const updatableFields = {
  name: schema.string(),
  tags: schema.arrayOf(schema.string(), { defaultValue: [] }),
  schedule: schema.object({ interval: durationSchema }),
  throttle: schema.maybe(schema.nullable(durationSchema)),
  params: paramsSchema,
  actions: schema.arrayOf(RuleActionRequestSchema, { defaultValue: [] }),
  notify_when: schema.maybe(schema.nullable(NotifyWhenSchema)),
};

export const CreateRuleBodySchema = schema.object({
  ...updatableFields,
  enabled: schema.boolean({ defaultValue: true }),
  rule_type_id: schema.string(),
  consumer: schema.string(),
});

export const UpdateRuleBodySchema = schema.object(updatableFields);

export type CreateRuleBody = TypeOf<typeof CreateRuleBodySchema>;
export type UpdateRuleBody = TypeOf<typeof UpdateRuleBodySchema>;

export const RuleIdParamsSchema = schema.object({ id: schema.string() });
export const OptionalRuleIdParamsSchema = schema.object({ id: schema.maybe(schema.string()) });

export const FindRulesQuerySchema = schema.object({
  per_page: schema.number({ min: 0, defaultValue: 10 }),
  page: schema.number({ min: 1, defaultValue: 1 }),
  search: schema.maybe(schema.string()),
  default_search_operator: schema.maybe(literals(['OR', 'AND'])),
  search_fields: schema.maybe(oneOrMany(schema.string())),
  sort_field: schema.maybe(schema.string()),
  sort_order: schema.maybe(literals(['asc', 'desc'])),
  /** KQL over the saved object: `alert.attributes.tags:"prod" and alert.attributes.enabled:true`. */
  filter: schema.maybe(schema.string()),
});

export type FindRulesQuery = TypeOf<typeof FindRulesQuerySchema>;
