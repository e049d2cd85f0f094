/*
 * `.slack`: a message to a Slack incoming webhook. The webhook URL is the credential, so it is a
 * secret and never appears in a message: errors name the status and Slack's answer only.
 */
import { schema, type TypeOf } from '@kbn/config-schema';
import type { ActionType } from '@kbn/actions-plugin/server';
import { callForResult, jsonHeaders, validateHttpUrl } from './http_call';
import type { ConnectorTypeOptions } from './types';

export const SlackConfigSchema = schema.object({}, { defaultValue: {} });
export type SlackConfig = TypeOf<typeof SlackConfigSchema>;

export const SlackSecretsSchema = schema.object({
  webhookUrl: schema.string({ validate: (url) => validateHttpUrl(url, 'webhookUrl') }),
});
export type SlackSecrets = TypeOf<typeof SlackSecretsSchema>;

export const SlackParamsSchema = schema.object({ message: schema.string({ minLength: 1 }) });
export type SlackParams = TypeOf<typeof SlackParamsSchema>;

/** What Slack answers (`ok`), as Kibana's `IncomingWebhookResult`. */
export interface SlackData {
  text: string;
}

export function getSlackConnectorType({ timeoutMs }: ConnectorTypeOptions): ActionType<SlackConfig, SlackSecrets, SlackParams, SlackData> {
  return {
    id: '.slack',
    name: 'Slack',
    minimumLicenseRequired: 'gold',
    supportedFeatureIds: ['alerting', 'uptime', 'siem'],
    validate: {
      config: { schema: SlackConfigSchema },
      secrets: { schema: SlackSecretsSchema },
      params: { schema: SlackParamsSchema },
    },
    executor: async ({ actionId, secrets, params, signal }) => {
      const call = await callForResult(actionId, 'error posting slack message', {
        url: secrets.webhookUrl,
        headers: jsonHeaders(),
        body: JSON.stringify({ text: params.message }),
        signal,
        timeoutMs,
      });
      if (!call.ok) return call.result;
      return { actionId, status: 'ok', data: { text: call.response.text } };
    },
  };
}
