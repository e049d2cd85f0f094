/*
 * `.gen-ai`: OpenAI-compatible chat completions (OpenAI, or any service that speaks its API:
 * vLLM, Ollama, LiteLLM, Azure behind a proxy). Sub actions as in Kibana: `run` and `test` post a
 * raw JSON body, `invokeAI` builds one from messages and answers `{ message, usage }`.
 */
import { schema, type TypeOf } from '@kbn/config-schema';
import type { ActionType } from '@kbn/actions-plugin/server';
import { callOrThrow, jsonHeaders, validateHttpUrl } from './http_call';
import type { ConnectorTypeOptions } from './types';

export const GEN_AI_DEFAULT_MODEL = 'gpt-4o';

export const GenAiConfigSchema = schema.object({
  apiProvider: schema.oneOf([schema.literal('OpenAI'), schema.literal('Other')]),
  apiUrl: schema.string({ validate: (url) => validateHttpUrl(url, 'apiUrl') }),
  defaultModel: schema.string({ defaultValue: GEN_AI_DEFAULT_MODEL }),
});
export type GenAiConfig = TypeOf<typeof GenAiConfigSchema>;

export const GenAiSecretsSchema = schema.object({ apiKey: schema.string({ minLength: 1 }) });
export type GenAiSecrets = TypeOf<typeof GenAiSecretsSchema>;

const RunSchema = schema.object({
  body: schema.string({
    validate: (body) => {
      try {
        JSON.parse(body);
        return undefined;
      } catch {
        return 'body must be a JSON document';
      }
    },
  }),
  timeout: schema.maybe(schema.number({ min: 1 })),
});

const InvokeAISchema = schema.object({
  messages: schema.arrayOf(
    schema.object({ role: schema.string(), content: schema.nullable(schema.string()) }, { unknowns: 'allow' }),
    { minSize: 1 }
  ),
  model: schema.maybe(schema.string()),
  temperature: schema.maybe(schema.number()),
  stop: schema.maybe(schema.nullable(schema.oneOf([schema.string(), schema.arrayOf(schema.string())]))),
  max_tokens: schema.maybe(schema.number({ min: 1 })),
  response_format: schema.maybe(schema.recordOf(schema.string(), schema.any())),
  tools: schema.maybe(schema.arrayOf(schema.any())),
  tool_choice: schema.maybe(schema.any()),
  timeout: schema.maybe(schema.number({ min: 1 })),
});

export const GenAiParamsSchema = schema.object({
  subAction: schema.oneOf([schema.literal('run'), schema.literal('test'), schema.literal('invokeAI')]),
  subActionParams: schema.conditional(schema.siblingRef('subAction'), 'invokeAI', InvokeAISchema, RunSchema),
});
export type GenAiParams = TypeOf<typeof GenAiParamsSchema>;

export interface InvokeAIResponse {
  message: string;
  usage?: Record<string, unknown>;
}

function apiErrorMessage(failure: string): string {
  // OpenAI answers errors as `{ "error": { "message": ... } }`; show that rather than the raw JSON.
  const match = /^\[(\d+)\] [^:]*: (.*)$/s.exec(failure);
  if (!match) return failure;
  try {
    const message = (JSON.parse(match[2]) as { error?: { message?: string } }).error?.message;
    return message ? `Status code: ${match[1]}. Message: API Error: ${message}` : `Status code: ${match[1]}. Message: ${match[2]}`;
  } catch {
    return `Status code: ${match[1]}. Message: ${match[2]}`;
  }
}

export function getGenAiConnectorType({ timeoutMs }: ConnectorTypeOptions): ActionType<GenAiConfig, GenAiSecrets, GenAiParams, unknown> {
  return {
    id: '.gen-ai',
    name: 'OpenAI',
    minimumLicenseRequired: 'enterprise',
    supportedFeatureIds: ['generativeAIForSecurity', 'generativeAIForObservability', 'generativeAIForSearchPlayground'],
    validate: {
      config: { schema: GenAiConfigSchema },
      secrets: { schema: GenAiSecretsSchema },
      params: { schema: GenAiParamsSchema },
    },
    executor: async ({ actionId, config, secrets, params, signal }) => {
      const post = async (body: Record<string, unknown>, timeout?: number) =>
        (
          await callOrThrow(
            {
              url: config.apiUrl,
              headers: jsonHeaders({ authorization: `Bearer ${secrets.apiKey}` }),
              body: JSON.stringify({ model: config.defaultModel, ...body, stream: false }),
              signal,
              timeoutMs: timeout ?? timeoutMs,
            },
            apiErrorMessage
          )
        ).body as Record<string, any>;

      if (params.subAction === 'invokeAI') {
        const { timeout, ...request } = params.subActionParams as TypeOf<typeof InvokeAISchema>;
        const completion = await post(Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)), timeout);
        const message = completion?.choices?.[0]?.message?.content;
        if (typeof message !== 'string') throw new Error('Unexpected response from the model: no message content in choices[0]');
        const data: InvokeAIResponse = { message, ...(completion.usage ? { usage: completion.usage } : {}) };
        return { actionId, status: 'ok', data };
      }
      const { body, timeout } = params.subActionParams as TypeOf<typeof RunSchema>;
      return { actionId, status: 'ok', data: await post(JSON.parse(body) as Record<string, unknown>, timeout) };
    },
  };
}
