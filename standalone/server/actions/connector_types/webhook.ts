/*
 * `.webhook`: one HTTP request to a configured URL with an optional body and Basic auth. The
 * caller's execution id travels as `Idempotency-Key`, so a receiver can drop a request that a
 * resumed run sends again.
 */
import { schema, type TypeOf } from '@kbn/config-schema';
import type { ActionType } from '@kbn/actions-plugin/server';
import { callForResult, validateHttpUrl } from './http_call';
import type { ConnectorTypeOptions } from './types';

export const WebhookConfigSchema = schema.object({
  url: schema.string({ validate: (url) => validateHttpUrl(url, 'url') }),
  method: schema.oneOf(
    [schema.literal('post'), schema.literal('put'), schema.literal('patch'), schema.literal('get'), schema.literal('delete')],
    { defaultValue: 'post' }
  ),
  headers: schema.nullable(schema.recordOf(schema.string(), schema.string())),
  hasAuth: schema.boolean({ defaultValue: true }),
});
export type WebhookConfig = TypeOf<typeof WebhookConfigSchema>;

export const WebhookSecretsSchema = schema.object(
  { user: schema.nullable(schema.string()), password: schema.nullable(schema.string()) },
  { validate: ({ user, password }) => (Boolean(user) !== Boolean(password) ? 'both user and password must be specified' : undefined) }
);
export type WebhookSecrets = TypeOf<typeof WebhookSecretsSchema>;

export const WebhookParamsSchema = schema.object({ body: schema.maybe(schema.string()) });
export type WebhookParams = TypeOf<typeof WebhookParamsSchema>;

export interface WebhookData {
  status: number;
  statusText: string;
  /** JSON-parsed when the response is JSON, the text otherwise. */
  body: unknown;
}

const hasHeader = (headers: Record<string, string>, name: string) => Object.keys(headers).some((key) => key.toLowerCase() === name);

export function getWebhookConnectorType({ timeoutMs }: ConnectorTypeOptions): ActionType<WebhookConfig, WebhookSecrets, WebhookParams, WebhookData> {
  return {
    id: '.webhook',
    name: 'Webhook',
    minimumLicenseRequired: 'gold',
    supportedFeatureIds: ['alerting', 'cases', 'uptime', 'siem'],
    validate: {
      config: { schema: WebhookConfigSchema },
      secrets: { schema: WebhookSecretsSchema },
      params: { schema: WebhookParamsSchema },
    },
    executor: async ({ actionId, config, secrets, params, signal, executionId }) => {
      const headers: Record<string, string> = { ...(config.headers ?? {}) };
      const sendsBody = params.body !== undefined && config.method !== 'get';
      if (sendsBody && !hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
      if (config.hasAuth && secrets.user && secrets.password) {
        headers.authorization = `Basic ${Buffer.from(`${secrets.user}:${secrets.password}`).toString('base64')}`;
      }
      if (executionId && !hasHeader(headers, 'idempotency-key')) headers['idempotency-key'] = executionId;

      const call = await callForResult(actionId, 'error calling webhook', {
        url: config.url,
        method: config.method,
        headers,
        body: sendsBody ? params.body : undefined,
        signal,
        timeoutMs,
      });
      if (!call.ok) return call.result;
      const { status, statusText, body } = call.response;
      return { actionId, status: 'ok', data: { status, statusText, body } };
    },
  };
}
