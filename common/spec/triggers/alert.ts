import { z } from 'zod';

/**
 * Runs when a rule with this workflow as its action fires. The optional `with` conditions are our
 * extension (Elastic has none): alerts that do not satisfy them do not start a run.
 */
export const AlertTriggerConditionsSchema = z
  .strictObject({
    rule_name: z.string().optional().describe('Only alerts of rules whose name matches; `*` wildcards allowed.'),
    rule_id: z.string().optional().describe('Only alerts of this rule id.'),
    severity: z
      .array(z.string())
      .optional()
      .describe('Only alerts whose severity is in this list, e.g. `[high, critical]`.'),
    condition: z.string().optional().describe('Only alerts matching this KQL query, e.g. `host.name : web-*`.'),
  })
  .describe('Conditions an alert must meet to start a run.');
export type AlertTriggerConditions = z.infer<typeof AlertTriggerConditionsSchema>;

export const AlertTriggerSchema = z
  .strictObject({
    type: z
      .literal('alert')
      .describe('Run when a rule that has this workflow as an action fires; alerts are in `event.alerts`.'),
    with: AlertTriggerConditionsSchema.optional(),
  })
  .meta({ id: 'AlertTrigger' });
export type AlertTrigger = z.infer<typeof AlertTriggerSchema>;
