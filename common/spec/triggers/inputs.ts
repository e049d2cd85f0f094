import { z } from 'zod';

export const INPUT_TYPES = ['string', 'number', 'boolean', 'choice', 'array'] as const;

export const LegacyInputSchema = z
  .strictObject({
    name: z.string().min(1).describe('Name of the input; steps read it as `inputs.<name>`.'),
    type: z.enum(INPUT_TYPES).describe('Kind of value: string, number, boolean, choice (one of `options`) or array.'),
    required: z.boolean().optional().describe('The run form refuses to start without a value.'),
    default: z.unknown().optional().describe('Value used when none is given.'),
    options: z
      .array(z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('The allowed values of a `choice` input.'),
    description: z.string().optional().describe('Help text shown in the run form.'),
  })
  .meta({ id: 'LegacyInput' });
export type LegacyInput = z.infer<typeof LegacyInputSchema>;

/** The later form: inputs as a JSON Schema object; only the parts the run form uses are described. */
export const JsonSchemaInputsSchema = z
  .looseObject({
    type: z.literal('object').optional().describe('Always `object`.'),
    properties: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .describe('One JSON Schema per input, keyed by input name.'),
    required: z.array(z.string()).optional().describe('Names of the inputs that must be given.'),
    additionalProperties: z
      .union([z.boolean(), z.record(z.string(), z.unknown())])
      .optional()
      .describe('Whether inputs not listed in `properties` are accepted.'),
  })
  .meta({ id: 'JsonSchemaInputs' });
export type JsonSchemaInputs = z.infer<typeof JsonSchemaInputsSchema>;

export const InputsSchema = z
  .union([z.array(LegacyInputSchema), JsonSchemaInputsSchema])
  .describe(
    'Inputs of a manual run: a list of `{ name, type, required, default, options, description }`, or a JSON Schema object.'
  )
  .meta({ id: 'Inputs' });
export type Inputs = z.infer<typeof InputsSchema>;

/** Names of the declared inputs, whichever form declares them. */
export const inputNames = (inputs: unknown): string[] => {
  if (Array.isArray(inputs)) {
    return inputs.flatMap((input) =>
      input && typeof input === 'object' && typeof input.name === 'string' ? [input.name] : []
    );
  }
  if (inputs && typeof inputs === 'object') {
    const properties = (inputs as { properties?: unknown }).properties;
    if (properties && typeof properties === 'object') return Object.keys(properties);
  }
  return [];
};
