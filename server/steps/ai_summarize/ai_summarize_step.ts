import { aiStepInput, complete, promptText, type AiStepInput, type AiStepOptions } from '../ai_common/llm';
import type { StepKind } from '../types';

export type AiSummarizeInput = AiStepInput<{ input: unknown; instructions?: string; maxLength?: number }>;

const SUMMARISE = 'Summarise the text the user sends. Keep the facts that matter (names, hosts, users, counts, times) and invent nothing. Answer with the summary only.';

/**
 * `ai.summarize`: output `{ content }`. `maxLength` (words) is asked of the model, not enforced:
 * cutting a summary mid-sentence would be worse than a slightly long one.
 */
export const createAiSummarizeStep = (options: AiStepOptions): StepKind<AiSummarizeInput> => ({
  type: 'ai.summarize',
  description: 'Summarises the input with an LLM connector',
  safeToRerun: true,
  input: (step, render) => aiStepInput(step, render, { options, required: ['input'] }),
  async run(context) {
    const { connectorId, input, instructions, maxLength } = context.input;
    const answer = await complete(context, {
      connectorId,
      system: [SUMMARISE, maxLength ? `Use at most ${maxLength} words.` : undefined, instructions],
      user: promptText(input),
    });
    return { output: { content: answer.text } };
  },
});
