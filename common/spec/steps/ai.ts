import { z } from 'zod';
import { defineStep } from './base';
import { JsonSchemaObjectSchema, ValueSchema } from './fields';

/** `schema`, or its other names `responseSchema` / `outputSchema`: a structured answer must follow it. */
const structuredAnswer = (description: string) => ({
  schema: JsonSchemaObjectSchema.optional().describe(description),
  responseSchema: JsonSchemaObjectSchema.optional().describe('Another name of `schema`.'),
  outputSchema: JsonSchemaObjectSchema.optional().describe('Another name of `schema`.'),
});

/** Points at the second of the three names given. */
const oneSchemaOnly = (value: Record<string, unknown>, context: z.RefinementCtx) => {
  const given = ['schema', 'responseSchema', 'outputSchema'].filter((key) => value[key] !== undefined);
  if (given.length > 1) {
    context.addIssue({ code: 'custom', path: [given[1]], message: `Give the answer schema once: ${given.join(' and ')} are the same field` });
  }
};

/** AI steps run against an LLM connector named by `connector-id` (or the default one). */

export const AiPromptStepSchema = defineStep('ai.prompt', 'Send a prompt to an LLM; the output has `content`.', {
  with: z
    .strictObject({
      prompt: z.string().describe('The prompt; `{{ }}` templating allowed.'),
      systemPrompt: z.string().optional().describe('Instructions that frame the answer.'),
      ...structuredAnswer('JSON Schema of a structured answer, returned as `output.structured_output`.'),
      temperature: z.number().min(0).max(2).optional().describe('Sampling temperature.'),
    })
    .superRefine(oneSchemaOnly)
    .describe('The prompt to send.'),
}).meta({ id: 'AiPromptStep' });
export type AiPromptStep = z.infer<typeof AiPromptStepSchema>;

export const AiAgentStepSchema = defineStep(
  'ai.agent',
  'Converse with an Agent Builder agent; the output has `message` (and `structured_output` with a schema).',
  {
    'agent-id': z.string().optional().describe('Id of the agent to talk to. Default: the default agent.'),
    'create-conversation': z
      .boolean()
      .optional()
      .describe('Keep the exchange as a conversation the user can open later.'),
    with: z
      .strictObject({
        message: z.string().describe('The message sent to the agent.'),
        ...structuredAnswer('JSON Schema the answer must follow.'),
        conversation_id: z.string().optional().describe('Continue this existing conversation.'),
      })
      .superRefine(oneSchemaOnly)
      .describe('What to ask.'),
  }
).meta({ id: 'AiAgentStep' });
export type AiAgentStep = z.infer<typeof AiAgentStepSchema>;

export const AiClassifyStepSchema = defineStep(
  'ai.classify',
  'Let an LLM put the input into one (or several) of the given categories; the output has `category`.',
  {
    with: z
      .strictObject({
        input: ValueSchema.describe('What to classify: text, or any value (sent as JSON).'),
        categories: z.array(z.string()).min(1).describe('The allowed categories.'),
        instructions: z.string().optional().describe('Extra guidance for the model.'),
        allowMultipleCategories: z
          .boolean()
          .optional()
          .describe('Return `categories` (a list) instead of one category.'),
        fallbackCategory: z.string().optional().describe('Category used when none fits.'),
        includeRationale: z.boolean().optional().describe('Also return the model’s `rationale`.'),
      })
      .describe('What to classify and into which categories.'),
  }
).meta({ id: 'AiClassifyStep' });
export type AiClassifyStep = z.infer<typeof AiClassifyStepSchema>;

export const AiSummarizeStepSchema = defineStep(
  'ai.summarize',
  'Let an LLM summarise the input; the output has `content`.',
  {
    with: z
      .strictObject({
        input: ValueSchema.describe('What to summarise: text, or any value (sent as JSON).'),
        instructions: z.string().optional().describe('Extra guidance, e.g. audience or format.'),
        maxLength: z.number().int().min(1).optional().describe('Rough upper bound of the summary, in words.'),
      })
      .describe('What to summarise.'),
  }
).meta({ id: 'AiSummarizeStep' });
export type AiSummarizeStep = z.infer<typeof AiSummarizeStepSchema>;
