import type { JsonSchema } from '../ai_common/json_schema';
import { aiStepInput, complete, type AiStepInput, type AiStepOptions } from '../ai_common/llm';
import type { StepKind } from '../types';

export type AiPromptInput = AiStepInput<{ prompt: string; systemPrompt?: string; schema?: JsonSchema; temperature?: number }>;

/**
 * `ai.prompt`: one prompt to the LLM connector. Output `{ content }`; with `schema`, also
 * `structured_output`, the answer parsed and checked against the schema.
 */
export const createAiPromptStep = (options: AiStepOptions): StepKind<AiPromptInput> => ({
  type: 'ai.prompt',
  description: 'Sends a prompt to an LLM connector',
  safeToRerun: true,
  input: (step, render) => aiStepInput(step, render, { options, required: ['prompt'] }),
  async run(context) {
    const { connectorId, prompt, systemPrompt, schema, temperature } = context.input;
    const answer = await complete(context, { connectorId, system: [systemPrompt], user: String(prompt), temperature, schema });
    return { output: { content: answer.text, ...(schema ? { structured_output: answer.structured } : {}) } };
  },
});
