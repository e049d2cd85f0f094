/**
 * What the `ai.*` steps share: finding the LLM connector, one chat completion through it
 * (`.gen-ai` `invokeAI`, answering `{ message, usage }`), and structured answers checked
 * against a JSON Schema.
 *
 * AI steps run in a dry run too: a completion changes nothing outside the run (it only costs
 * tokens), and the steps after it need its answer to show what they would do.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../../common/errors';
import type { StepDefinition } from '../../../common/spec';
import { resolveConnectorId } from '../connector/connector_id';
import type { StepRunContext } from '../types';
import { AiOutputError } from './ai_output_error';
import { firstViolation, type JsonSchema } from './json_schema';

export interface AiStepOptions {
  /** LLM connector (id or name) for AI steps without `connector-id`, like Kibana's default AI connector setting. */
  defaultLlmConnector?: string;
}

/** The rendered `with` of an AI step plus the connector it talks to. */
export type AiStepInput<With> = With & { connectorId: string };

/** Builds an AI step's input: the LLM connector and the rendered `with`, which must hold `required` texts. */
export function aiStepInput<With extends Record<string, unknown>>(
  step: StepDefinition,
  render: (value: unknown) => unknown,
  { options, required }: { options: AiStepOptions; required: string[] }
): AiStepInput<With> {
  const connectorId = resolveConnectorId(step, render, {
    fallback: options.defaultLlmConnector,
    missing: `Step "${step.name}" needs an LLM connector: set its connector-id to the name or id of an OpenAI-compatible (.gen-ai) connector, or configure a default one`,
  });
  const { responseSchema, outputSchema, ...rest } = (render(step.with ?? {}) ?? {}) as Record<string, unknown>;
  // `responseSchema` and `outputSchema` are other names of `schema` (the spec allows one of the three).
  const schema = rest.schema ?? responseSchema ?? outputSchema;
  const rendered = (schema === undefined ? rest : { ...rest, schema }) as With;
  for (const field of required) {
    if (rendered[field] === undefined || rendered[field] === null || rendered[field] === '') {
      throw new UserError(`Step "${step.name}" needs with.${field}`);
    }
  }
  return { ...rendered, connectorId };
}

/** Text for a prompt: strings as they are, anything else as indented JSON. */
export const promptText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

export interface CompletionRequest {
  connectorId: string;
  /** Parts of the system message, joined by blank lines; empty parts are left out. */
  system: Array<string | undefined>;
  user: string;
  temperature?: number;
  /** Ask for JSON that follows this schema; the answer is parsed and checked. */
  schema?: JsonSchema;
}

export interface Completion {
  text: string;
  /** The parsed answer, when a schema was given (it matches the schema). */
  structured?: unknown;
}

/** One chat completion. Fails with `AiOutputError` when a structured answer is not what the schema asks. */
export async function complete(
  context: Pick<StepRunContext, 'services' | 'signal' | 'idempotencyKey' | 'log'>,
  request: CompletionRequest
): Promise<Completion> {
  const system = [...request.system, request.schema && schemaInstructions(request.schema)].filter(Boolean).join('\n\n');
  const messages = [...(system ? [{ role: 'system', content: system }] : []), { role: 'user', content: request.user }];
  const data = (await context.services.executeConnector({
    connectorId: request.connectorId,
    params: {
      subAction: 'invokeAI',
      subActionParams: {
        messages,
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        // JSON mode only yields objects; other schemas rely on the instructions alone.
        ...(request.schema?.type === 'object' ? { response_format: { type: 'json_object' } } : {}),
      },
    },
    signal: context.signal,
    // The actions client hands back the recorded answer for a key it has seen. A completion has
    // no effect to protect, and a retry after a malformed answer must really ask again.
    idempotencyKey: `${context.idempotencyKey}:${randomUUID()}`,
  })) as { message?: unknown; usage?: unknown } | null;
  if (typeof data?.message !== 'string') throw new Error(`The LLM connector "${request.connectorId}" returned no message`);
  if (data.usage) context.log('debug', `LLM usage: ${JSON.stringify(data.usage)}`);
  if (!request.schema) return { text: data.message };
  return { text: data.message, structured: structuredAnswer(data.message, request.schema) };
}

const schemaInstructions = (schema: JsonSchema) =>
  `Answer with one JSON value and nothing else (no markdown fences, no comments) that follows this JSON Schema:\n${JSON.stringify(schema)}`;

const EXCERPT = 60;

/** Parses the model's answer as JSON (tolerating a fenced or wrapped object) and checks it against `schema`. */
export function structuredAnswer(reply: string, schema: JsonSchema): unknown {
  const value = parseJsonReply(reply);
  const problem = firstViolation(value, schema);
  if (problem) throw new AiOutputError(`AI output does not match the schema: ${problem}`, reply);
  return value;
}

function parseJsonReply(reply: string): unknown {
  const text = reply.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1');
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  // Models sometimes wrap the object in a sentence despite the instructions; the object is the answer.
  for (const candidate of [text, start >= 0 && end > start ? text.slice(start, end + 1) : undefined]) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // Try the next reading.
    }
  }
  const line = text.replace(/\s+/g, ' ');
  throw new AiOutputError(`AI output is not valid JSON: "${line.length > EXCERPT ? `${line.slice(0, EXCERPT)}…` : line}"`, reply);
}
