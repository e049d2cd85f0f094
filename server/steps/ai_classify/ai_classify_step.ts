import { UserError } from '../../../common/errors';
import type { JsonSchema } from '../ai_common/json_schema';
import { aiStepInput, complete, promptText, type AiStepInput, type AiStepOptions } from '../ai_common/llm';
import type { StepKind } from '../types';

export type AiClassifyInput = AiStepInput<{
  input: unknown;
  categories: string[];
  instructions?: string;
  allowMultipleCategories?: boolean;
  fallbackCategory?: string;
  includeRationale?: boolean;
}>;

/** The answer the model must give; the enum makes an invented category a schema violation, hence retryable. */
function answerSchema({ categories, fallbackCategory, allowMultipleCategories, includeRationale }: AiClassifyInput): JsonSchema {
  const allowed = fallbackCategory && !categories.includes(fallbackCategory) ? [...categories, fallbackCategory] : categories;
  const choice = { type: 'string', enum: allowed };
  return {
    type: 'object',
    required: [allowMultipleCategories ? 'categories' : 'category', ...(includeRationale ? ['rationale'] : [])],
    properties: {
      ...(allowMultipleCategories ? { categories: { type: 'array', items: choice, minItems: 1 } } : { category: choice }),
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      ...(includeRationale ? { rationale: { type: 'string' } } : {}),
    },
  };
}

const instructionsFor = ({ categories, fallbackCategory, allowMultipleCategories, includeRationale }: AiClassifyInput) =>
  [
    `Classify the input the user sends into ${allowMultipleCategories ? 'every one' : 'exactly one'} of these categories: ${categories.join(', ')}.`,
    fallbackCategory ? `When none fits, answer "${fallbackCategory}".` : undefined,
    'Give your confidence between 0 and 1.',
    includeRationale ? 'Explain the choice in one or two sentences as the rationale.' : undefined,
  ]
    .filter(Boolean)
    .join(' ');

/**
 * `ai.classify`: output `{ category, confidence?, rationale? }`, or `{ categories, … }` with
 * `allowMultipleCategories`. Asked at temperature 0: the same alert should land in the same
 * category every time.
 */
export const createAiClassifyStep = (options: AiStepOptions): StepKind<AiClassifyInput> => ({
  type: 'ai.classify',
  description: 'Puts the input into one of the given categories with an LLM connector',
  safeToRerun: true,
  input(step, render) {
    const input = aiStepInput<AiClassifyInput>(step, render, { options, required: ['input', 'categories'] });
    if (!Array.isArray(input.categories) || input.categories.length === 0 || input.categories.some((c) => typeof c !== 'string')) {
      throw new UserError(`Step "${step.name}": with.categories must be a non-empty list of names`);
    }
    return input;
  },
  async run(context) {
    const { input } = context;
    const answer = await complete(context, {
      connectorId: input.connectorId,
      system: [instructionsFor(input), input.instructions],
      user: promptText(input.input),
      temperature: 0,
      schema: answerSchema(input),
    });
    const { category, categories, confidence, rationale } = answer.structured as Record<string, unknown>;
    return {
      output: {
        ...(input.allowMultipleCategories ? { categories } : { category }),
        ...(typeof confidence === 'number' ? { confidence } : {}),
        ...(input.includeRationale ? { rationale } : {}),
      },
    };
  },
});
