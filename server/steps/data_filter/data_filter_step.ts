import type { StepKind } from '../types';
import { dataInput } from '../data_common/data_input';
import { itemMatches } from '../data_common/item_scope';
import { requireList } from '../data_common/value_checks';

interface DataFilterInput {
  items?: unknown;
  condition: string | boolean;
  limit?: number;
}

/** Keeps the items for which `condition` holds with `item` and `index` in scope, at most `limit` of them. */
export const dataFilterStep: StepKind<DataFilterInput> = {
  type: 'data.filter',
  description: 'Keeps the items of a list that match a condition',
  input: (step, render) => dataInput(step, render, 'items', ['condition']),
  async run({ step, input, scope }) {
    const items = requireList('items', step.items, input.items);
    const limit = input.limit ?? Infinity;
    const base = scope();
    const kept: unknown[] = [];
    for (let index = 0; index < items.length && kept.length < limit; index++) {
      if (itemMatches(input.condition, base, items[index], index)) kept.push(items[index]);
    }
    return { output: kept };
  },
};
