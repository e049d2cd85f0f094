import type { StepKind } from '../types';
import { dataInput } from '../data_common/data_input';
import { fieldValue } from '../data_common/field_value';
import { uniqueBy, valueKey } from '../data_common/unique_by';
import { requireList } from '../data_common/value_checks';

interface DataDedupeInput {
  items?: unknown;
  keys?: string[];
  strategy?: 'keep_first' | 'keep_last';
}

/**
 * Removes duplicates: items are the same when the values at `keys` are equal, or, without
 * `keys`, when the whole items are (key order ignored). The surviving item keeps its position.
 */
export const dataDedupeStep: StepKind<DataDedupeInput> = {
  type: 'data.dedupe',
  description: 'Removes duplicate items from a list',
  input: (step, render) => dataInput(step, render, 'items'),
  async run({ step, input }) {
    const items = requireList('items', step.items, input.items);
    const { keys } = input;
    const keyOf = keys ? (item: unknown) => valueKey(keys.map((path) => fieldValue(item, path))) : valueKey;
    return { output: uniqueBy(items, keyOf, input.strategy === 'keep_last' ? 'last' : 'first') };
  },
};
