import type { StepKind } from '../types';
import { dataInput } from '../data_common/data_input';
import { invalidValue } from '../data_common/value_checks';

interface DataStringifyJsonInput {
  source?: unknown;
  pretty?: boolean;
}

/**
 * Turns `source` into JSON text, indented by two spaces with `pretty`. A `source` that gives
 * nothing at all (a misspelt path) fails rather than becoming "null"; an explicit null is "null".
 */
export const dataStringifyJsonStep: StepKind<DataStringifyJsonInput> = {
  type: 'data.stringifyJson',
  description: 'Turns a value into a JSON string',
  input: (step, render) => dataInput(step, render, 'source'),
  async run({ step, input }) {
    if (input.source === undefined) throw invalidValue('source', 'a value', step.source, undefined);
    return { output: JSON.stringify(input.source, null, input.pretty ? 2 : undefined) };
  },
};
