/*
 * `.pagerduty`: an Events API v2 event, built as Kibana builds it. A trigger without a dedup key
 * uses the caller's execution id, so PagerDuty itself folds a re-sent trigger into one incident.
 */
import { createHash } from 'node:crypto';
import { schema, type TypeOf } from '@kbn/config-schema';
import type { ActionType } from '@kbn/actions-plugin/server';
import { callForResult, jsonHeaders, validateHttpUrl } from './http_call';
import type { ConnectorTypeOptions } from './types';

export const PAGERDUTY_DEFAULT_API_URL = 'https://events.pagerduty.com/v2/enqueue';
const DEDUP_KEY_MAX_LENGTH = 255;

export const PagerDutyConfigSchema = schema.object({
  apiUrl: schema.nullable(schema.string({ validate: (url) => validateHttpUrl(url, 'apiUrl') })),
});
export type PagerDutyConfig = TypeOf<typeof PagerDutyConfigSchema>;

export const PagerDutySecretsSchema = schema.object({ routingKey: schema.string({ minLength: 1 }) });
export type PagerDutySecrets = TypeOf<typeof PagerDutySecretsSchema>;

export const PagerDutyParamsSchema = schema.object(
  {
    eventAction: schema.maybe(schema.oneOf([schema.literal('trigger'), schema.literal('resolve'), schema.literal('acknowledge')])),
    dedupKey: schema.maybe(schema.string({ maxLength: DEDUP_KEY_MAX_LENGTH })),
    summary: schema.maybe(schema.string({ maxLength: 1024 })),
    source: schema.maybe(schema.string()),
    severity: schema.maybe(schema.oneOf([schema.literal('critical'), schema.literal('error'), schema.literal('warning'), schema.literal('info')])),
    timestamp: schema.maybe(schema.string()),
    component: schema.maybe(schema.string()),
    group: schema.maybe(schema.string()),
    class: schema.maybe(schema.string()),
    links: schema.maybe(schema.arrayOf(schema.object({ href: schema.string(), text: schema.string() }))),
    customDetails: schema.maybe(schema.recordOf(schema.string(), schema.any())),
  },
  {
    validate: ({ eventAction, dedupKey, timestamp }) => {
      if (timestamp !== undefined && Number.isNaN(Date.parse(timestamp))) return `error parsing timestamp "${timestamp}"`;
      if (eventAction && eventAction !== 'trigger' && !dedupKey) return `DedupKey is required when eventAction is "${eventAction}"`;
      return undefined;
    },
  }
);
export type PagerDutyParams = TypeOf<typeof PagerDutyParamsSchema>;

/** PagerDuty's answer: `{ status: 'success', message: 'Event processed', dedup_key }`. */
export type PagerDutyData = Record<string, unknown>;

/** PagerDuty caps dedup keys at 255 characters; a longer key is hashed, which keeps it stable. */
const dedupKeyFrom = (key: string) => (key.length <= DEDUP_KEY_MAX_LENGTH ? key : createHash('sha256').update(key).digest('hex'));

export function buildPagerDutyEvent({
  actionId,
  routingKey,
  params,
  executionId,
}: {
  actionId: string;
  routingKey: string;
  params: PagerDutyParams;
  executionId?: string;
}): Record<string, unknown> {
  const eventAction = params.eventAction ?? 'trigger';
  const dedupKey = params.dedupKey ?? (executionId && eventAction === 'trigger' ? dedupKeyFrom(executionId) : undefined);
  const event: Record<string, unknown> = { routing_key: routingKey, event_action: eventAction, ...(dedupKey ? { dedup_key: dedupKey } : {}) };
  if (eventAction !== 'trigger') return event;

  const optional = Object.fromEntries(
    (['component', 'group', 'class'] as const).filter((key) => params[key] !== undefined).map((key) => [key, params[key]])
  );
  event.payload = {
    summary: params.summary || 'No summary provided.',
    source: params.source || `Kibana Action ${actionId}`,
    severity: params.severity ?? 'info',
    ...(params.timestamp !== undefined ? { timestamp: new Date(params.timestamp).toISOString() } : {}),
    ...optional,
    ...(params.customDetails !== undefined ? { custom_details: params.customDetails } : {}),
  };
  if (params.links) event.links = params.links;
  return event;
}

export function getPagerDutyConnectorType({ timeoutMs }: ConnectorTypeOptions): ActionType<PagerDutyConfig, PagerDutySecrets, PagerDutyParams, PagerDutyData> {
  return {
    id: '.pagerduty',
    name: 'PagerDuty',
    minimumLicenseRequired: 'gold',
    supportedFeatureIds: ['alerting', 'uptime', 'siem'],
    validate: {
      config: { schema: PagerDutyConfigSchema },
      secrets: { schema: PagerDutySecretsSchema },
      params: { schema: PagerDutyParamsSchema },
    },
    executor: async ({ actionId, config, secrets, params, signal, executionId }) => {
      const event = buildPagerDutyEvent({ actionId, routingKey: secrets.routingKey, params, executionId });
      const call = await callForResult(actionId, 'error posting pagerduty event', {
        url: config.apiUrl ?? PAGERDUTY_DEFAULT_API_URL,
        headers: jsonHeaders(),
        body: JSON.stringify(event),
        signal,
        timeoutMs,
      });
      if (!call.ok) return call.result;
      const { body } = call.response;
      return { actionId, status: 'ok', data: typeof body === 'object' && body !== null ? (body as PagerDutyData) : { message: call.response.text } };
    },
  };
}
