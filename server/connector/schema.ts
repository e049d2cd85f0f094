/**
 * Params of the `.workflows` action, the same shape as Elastic's own connector so exported rules
 * move between the two. Rules save `RuleActionParams`; the executor receives `ExecutorParams`
 * (built by the connector adapter: `inputs.event` holds the alerts, `spaceId` the rule's space).
 */
import { schema, type TypeOf } from '@kbn/config-schema';

const alertStates = schema.maybe(
  schema.object({ new: schema.boolean(), ongoing: schema.boolean(), recovered: schema.boolean() }, { unknowns: 'ignore' })
);

export const RuleActionParamsSchema = schema.object({
  subAction: schema.literal('run'),
  subActionParams: schema.object({
    workflowId: schema.string({ minLength: 1 }),
    inputs: schema.maybe(schema.recordOf(schema.string(), schema.any())),
    summaryMode: schema.maybe(schema.boolean()),
    alertStates,
  }),
});
export type RuleActionParams = TypeOf<typeof RuleActionParamsSchema>;

export const ExecutorParamsSchema = schema.object({
  subAction: schema.string(),
  subActionParams: schema.object({
    workflowId: schema.string({ minLength: 1 }),
    inputs: schema.maybe(schema.recordOf(schema.string(), schema.any())),
    summaryMode: schema.boolean({ defaultValue: true }),
    spaceId: schema.string({ defaultValue: 'default' }),
    alertStates,
  }),
});
export type ExecutorParams = TypeOf<typeof ExecutorParamsSchema>;

/** A system action type has neither config nor secrets. */
export const EmptySchema = schema.object({});
