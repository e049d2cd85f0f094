import type { StepKind } from '../types';
import { dataInput } from '../data_common/data_input';
import { forItem } from '../data_common/item_scope';
import { invalidValue, isPlainObject } from '../data_common/value_checks';
import { buildFields } from './map_fields';

interface DataMapInput {
  items?: unknown;
  fields: Record<string, unknown>;
}

/**
 * Builds `fields` for every item of `items`, with `item` and `index` in scope. An object as
 * `items` is mapped as one item into one object: Elastic's integration workflows map single API
 * responses that way (`items: ${{ steps.get_event.output }}`).
 */
export const dataMapStep: StepKind<DataMapInput> = {
  type: 'data.map',
  description: 'Builds a new object for every item of a list',
  input: (step, render) => dataInput(step, render, 'items', ['fields']),
  async run({ step, input, scope }) {
    const { items, fields } = input;
    if (Array.isArray(items)) {
      const base = scope();
      return { output: items.map((item, index) => forItem('fields', index, () => buildFields(fields, { ...base, item, index }))) };
    }
    if (isPlainObject(items)) return { output: buildFields(fields, { ...scope(), item: items }) };
    throw invalidValue('items', 'a list or an object', step.items, items);
  },
};
