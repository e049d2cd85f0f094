/*
 * `standalone.webhook`: a rule type whose alerts are pushed from outside
 * (`POST /api/standalone/rules/{ruleId}/alerts`) instead of found by a scheduled executor, so
 * Defender, Splunk, Grafana or any SIEM can feed alerts into the host.
 */
import { schema } from '@kbn/config-schema';
import type { RuleType } from '@kbn/alerting-plugin/server';

export const WEBHOOK_RULE_TYPE_ID = 'standalone.webhook';

export const webhookRuleType: RuleType = {
  id: WEBHOOK_RULE_TYPE_ID,
  name: 'Webhook alerts',
  actionGroups: [{ id: 'default', name: 'Default' }],
  defaultActionGroupId: 'default',
  producer: 'stackAlerts',
  category: 'management',
  solution: 'stack',
  minimumLicenseRequired: 'basic',
  isExportable: true,
  // Free-form: the params are copied into each alert (`kibana.alert.rule.parameters`) for context.
  validate: { params: schema.object({}, { unknowns: 'allow' }) },
  actionVariables: {
    context: [
      { name: 'reason', description: 'The pushed kibana.alert.reason.' },
      { name: 'severity', description: 'The pushed kibana.alert.severity.' },
      { name: 'alert', description: 'The whole alert document, nested (context.alert.host.name).' },
    ],
  },
  // Nothing to find on a schedule: pushes run the rule's actions directly.
  executor: async () => ({ state: {} }),
};
