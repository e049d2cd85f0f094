import type { StepKind } from '../types';
import { dataInput } from '../data_common/data_input';
import { itemMatches } from '../data_common/item_scope';
import { requireList } from '../data_common/value_checks';

interface DataFindInput {
  items?: unknown;
  condition: string | boolean;
}

/**
 * Finds the first item for which `condition` holds. The output is `{ item, index }`, and
 * `{ item: null, index: null }` when none does, so a found null item and no match differ.
 */
export const dataFindStep: StepKind<DataFindInput> = {
  type: 'data.find',
  description: 'Returns the first item of a list that matches a condition',
  input: (step, render) => dataInput(step, render, 'items', ['condition']),
  async run({ step, input, scope }) {
    const items = requireList('items', step.items, input.items);
    const base = scope();
    const index = items.findIndex((item, position) => itemMatches(input.condition, base, item, position));
    return { output: index < 0 ? { item: null, index: null } : { item: items[index], index } };
  },
};
