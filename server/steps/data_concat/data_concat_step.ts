import type { StepKind } from '../types';
import { dataInput } from '../data_common/data_input';
import { uniqueBy, valueKey } from '../data_common/unique_by';
import { requireList } from '../data_common/value_checks';

interface DataConcatInput {
  arrays: unknown[];
  dedupe?: boolean;
}

/** Joins the lists of `arrays` in order; with `dedupe`, an item equal to an earlier one is dropped. */
export const dataConcatStep: StepKind<DataConcatInput> = {
  type: 'data.concat',
  description: 'Joins several lists into one',
  input: (step, render) => dataInput(step, render, 'arrays'),
  async run({ step, input }) {
    const written = step.arrays as unknown[];
    const joined: unknown[] = [];
    // A loop, not push(...list): spreading a list of 100,000 items overflows the stack.
    input.arrays.forEach((list, position) => {
      for (const item of requireList(`arrays[${position}]`, written[position], list)) joined.push(item);
    });
    return { output: input.dedupe ? uniqueBy(joined, valueKey, 'first') : joined };
  },
};
