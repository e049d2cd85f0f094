import type { AggregateMetric } from '../../../common/spec';
import type { StepKind } from '../types';
import { dataInput } from '../data_common/data_input';
import { fieldValue } from '../data_common/field_value';
import { valueKey } from '../data_common/unique_by';
import { isPlainObject, requireList } from '../data_common/value_checks';
import { checkMetrics, computeMetric } from './metrics';

interface DataAggregateInput {
  items?: unknown;
  group_by?: string[];
  metrics: AggregateMetric[];
}

/** Sets `value` at a dotted path, so `group_by: [host.name]` reads back as `group.host.name`. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let cursor = target;
  for (const segment of segments.slice(0, -1)) {
    if (!isPlainObject(cursor[segment])) cursor[segment] = {};
    cursor = cursor[segment] as Record<string, unknown>;
  }
  cursor[segments[segments.length - 1]] = value;
}

/**
 * Groups the items by the values at `group_by` (in order of first appearance) and outputs one
 * object per group: the group's values at their paths, and each metric by its name. Without
 * `group_by` there is exactly one group, even for an empty list, as SQL aggregates without
 * GROUP BY return one row.
 */
export const dataAggregateStep: StepKind<DataAggregateInput> = {
  type: 'data.aggregate',
  description: 'Groups the items of a list and computes metrics',
  input: (step, render) => dataInput(step, render, 'items'),
  async run({ step, input }) {
    const items = requireList('items', step.items, input.items);
    const groupBy = input.group_by ?? [];
    checkMetrics(input.metrics, groupBy);
    const groups = new Map<string, { values: unknown[]; members: number[] }>();
    if (groupBy.length === 0) groups.set(valueKey([]), { values: [], members: [] });
    items.forEach((item, index) => {
      const values = groupBy.map((path) => fieldValue(item, path));
      const key = valueKey(values);
      const group = groups.get(key) ?? { values, members: [] };
      group.members.push(index);
      groups.set(key, group);
    });
    const output = Array.from(groups.values(), ({ values, members }) => {
      const row: Record<string, unknown> = {};
      groupBy.forEach((path, position) => setPath(row, path, values[position]));
      for (const metric of input.metrics) row[metric.name] = computeMetric(metric, items, members);
      return row;
    });
    return { output };
  },
};
