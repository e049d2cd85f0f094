import { z } from 'zod';
import { defineStep } from './base';
import { ConditionSchema, OpenWithSchema, ValueSchema } from './fields';

/**
 * Data steps transform values without side effects. As in Elastic Workflows, the value they work
 * on sits beside `with` (`items` for lists, `source` for single values) and `with` holds options.
 */

const ItemsSchema = ValueSchema.describe(
  'The list to work on: a `${{ }}` expression (e.g. `${{ steps.search.output.hits.hits }}`) or a literal list.'
);
const SourceSchema = ValueSchema.describe('The value to work on, usually a `${{ }}` expression.');

export const DataSetStepSchema = defineStep(
  'data.set',
  'Set variables: every key of `with` becomes `variables.<key>` (and the step output).',
  { with: OpenWithSchema.describe('Variables to set; values may use templating and `${{ }}` to keep types.') }
).meta({ id: 'DataSetStep' });
export type DataSetStep = z.infer<typeof DataSetStepSchema>;

export const DataMapStepSchema = defineStep('data.map', 'Build a new object for every item of a list.', {
  items: ItemsSchema,
  with: z
    .strictObject({
      fields: z
        .record(z.string(), z.unknown())
        .describe(
          'The shape of each output item; `${{ item.<field> }}` reads the current item, `$map` maps a nested list.'
        ),
    })
    .describe('How to map each item.'),
}).meta({ id: 'DataMapStep' });
export type DataMapStep = z.infer<typeof DataMapStepSchema>;

export const DataFilterStepSchema = defineStep('data.filter', 'Keep the items of a list that match a condition.', {
  items: ItemsSchema,
  with: z
    .strictObject({
      condition: ConditionSchema.describe('KQL condition on `item`, e.g. `item.severity : "critical"`.'),
      limit: z.number().int().min(1).optional().describe('Keep at most this many items.'),
    })
    .describe('Which items to keep.'),
}).meta({ id: 'DataFilterStep' });
export type DataFilterStep = z.infer<typeof DataFilterStepSchema>;

export const DataFindStepSchema = defineStep('data.find', 'Return the first item of a list that matches a condition.', {
  items: ItemsSchema,
  with: z
    .strictObject({ condition: ConditionSchema.describe('KQL condition on `item`.') })
    .describe('Which item to find.'),
}).meta({ id: 'DataFindStep' });
export type DataFindStep = z.infer<typeof DataFindStepSchema>;

export const DataDedupeStepSchema = defineStep('data.dedupe', 'Remove duplicate items from a list.', {
  items: ItemsSchema,
  with: z
    .strictObject({
      keys: z.array(z.string()).min(1).describe('Fields that identify an item, e.g. `[host.name, user.name]`.'),
      strategy: z
        .enum(['keep_first', 'keep_last'])
        .optional()
        .describe('Which duplicate survives. Default keep_first.'),
    })
    .optional()
    .describe('How to recognise duplicates; without it whole items are compared.'),
}).meta({ id: 'DataDedupeStep' });
export type DataDedupeStep = z.infer<typeof DataDedupeStepSchema>;

export const AggregateMetricSchema = z.strictObject({
  name: z.string().describe('Name of the metric in each output group.'),
  operation: z.enum(['count', 'sum', 'avg', 'min', 'max']).describe('How to combine the values.'),
  field: z.string().optional().describe('Field of the item to combine (not needed for count).'),
});
export type AggregateMetric = z.infer<typeof AggregateMetricSchema>;

export const DataAggregateStepSchema = defineStep('data.aggregate', 'Group the items of a list and compute metrics.', {
  items: ItemsSchema,
  with: z
    .strictObject({
      group_by: z.array(z.string()).optional().describe('Fields to group by; without it, one group holds every item.'),
      metrics: z.array(AggregateMetricSchema).min(1).describe('Metrics computed for each group.'),
    })
    .describe('How to group and what to compute.'),
}).meta({ id: 'DataAggregateStep' });
export type DataAggregateStep = z.infer<typeof DataAggregateStepSchema>;

export const DataConcatStepSchema = defineStep('data.concat', 'Join several lists into one.', {
  arrays: z.array(ValueSchema).min(1).describe('The lists to join, in order; usually `${{ }}` expressions.'),
  with: z
    .strictObject({ dedupe: z.boolean().optional().describe('Drop items equal to an earlier one.') })
    .optional()
    .describe('Options.'),
}).meta({ id: 'DataConcatStep' });
export type DataConcatStep = z.infer<typeof DataConcatStepSchema>;

export const DataParseJsonStepSchema = defineStep('data.parseJson', 'Parse a JSON string into a value.', {
  source: SourceSchema,
  with: z.strictObject({}).optional().describe('No options.'),
}).meta({ id: 'DataParseJsonStep' });
export type DataParseJsonStep = z.infer<typeof DataParseJsonStepSchema>;

export const DataStringifyJsonStepSchema = defineStep('data.stringifyJson', 'Turn a value into a JSON string.', {
  source: SourceSchema,
  with: z
    .strictObject({ pretty: z.boolean().optional().describe('Indent the JSON for reading.') })
    .optional()
    .describe('Options.'),
}).meta({ id: 'DataStringifyJsonStep' });
export type DataStringifyJsonStep = z.infer<typeof DataStringifyJsonStepSchema>;

const regexOptions = {
  pattern: z.string().describe('A JavaScript regular expression, without slashes.'),
  flags: z
    .string()
    .regex(/^[dgimsuy]*$/)
    .optional()
    .describe('Regular expression flags, e.g. `i`.'),
};

export const DataRegexExtractStepSchema = defineStep(
  'data.regexExtract',
  'Extract parts of a string with a regular expression.',
  {
    source: SourceSchema,
    with: z
      .strictObject({
        ...regexOptions,
        fields: z
          .record(z.string(), z.string())
          .optional()
          .describe('Output fields taken from capture groups, e.g. `{ user: "$1" }`; default: the groups as a list.'),
        all: z.boolean().optional().describe('Return every match instead of the first.'),
      })
      .describe('What to extract.'),
  }
).meta({ id: 'DataRegexExtractStep' });
export type DataRegexExtractStep = z.infer<typeof DataRegexExtractStepSchema>;

export const DataRegexReplaceStepSchema = defineStep(
  'data.regexReplace',
  'Replace the matches of a regular expression in a string.',
  {
    source: SourceSchema,
    with: z
      .strictObject({
        ...regexOptions,
        replacement: z.string().describe('Replacement text; `$1` inserts a capture group.'),
        all: z.boolean().optional().describe('Replace every match instead of the first. Default true.'),
      })
      .describe('What to replace.'),
  }
).meta({ id: 'DataRegexReplaceStep' });
export type DataRegexReplaceStep = z.infer<typeof DataRegexReplaceStepSchema>;
