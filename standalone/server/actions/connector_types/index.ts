/* The connector types the host provides, as Kibana's stack_connectors plugin does. */
import type { ActionType } from '@kbn/actions-plugin/server';
import { getEmailConnectorType } from './email';
import { getGenAiConnectorType } from './gen_ai';
import { getJiraConnectorType } from './jira';
import { getPagerDutyConnectorType } from './pagerduty';
import { getSlackConnectorType } from './slack';
import type { ConnectorTypeOptions } from './types';
import { getWebhookConnectorType } from './webhook';

export type { ConnectorTypeOptions } from './types';

/** Each type is typed by its own schemas; the registry holds them untyped, as Kibana's does. */
export function getStackConnectorTypes(options: ConnectorTypeOptions): ActionType[] {
  return [
    getWebhookConnectorType(options),
    getSlackConnectorType(options),
    getPagerDutyConnectorType(options),
    getJiraConnectorType(options),
    getEmailConnectorType(options),
    getGenAiConnectorType(options),
  ] as unknown as ActionType[];
}
