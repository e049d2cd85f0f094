import type { AggregateMetric } from '../../../common/spec';
import { UserError } from '../../../common/errors';
import { fieldValue } from '../data_common/field_value';
import { describeValue } from '../data_common/value_checks';

const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

// Values often arrive as text (HTTP bodies, `{{ }}` renderings): numeric strings count as numbers.
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : undefined;
}

/** Rejects metrics that cannot work whatever the items are, before any item is read. */
export function checkMetrics(metrics: AggregateMetric[], groupBy: string[]): void {
  const names = new Set<string>();
  for (const { name, operation, field } of metrics) {
    if (names.has(name)) throw new UserError(`Two metrics are named "${name}"`);
    names.add(name);
    if (operation !== 'count' && !field) throw new UserError(`Metric "${name}" needs a "field" to ${operation}`);
    const clash = groupBy.find((path) => path.split('.')[0] === name);
    if (clash) throw new UserError(`Metric "${name}" has the name of the group_by field "${clash}"`);
  }
}

/**
 * Computes one metric over the items at `members` (positions in `items`, named in errors).
 * Items without a value at `field` are left out; count without a field counts every item. An
 * empty group sums to 0 and has no average, minimum or maximum (null). min and max compare
 * numbers, or strings when every value is one (ISO timestamps sort as text).
 */
export function computeMetric(metric: AggregateMetric, items: unknown[], members: number[]): number | string | null {
  const { name, operation, field } = metric;
  if (operation === 'count' && !field) return members.length;
  const values = members
    .map((index) => ({ index, value: fieldValue(items[index], field as string) }))
    .filter(({ value }) => value !== null);
  if (operation === 'count') return values.length;
  const fail = (needs: string, { index, value }: { index: number; value: unknown }) =>
    new UserError(`Metric "${name}" (${operation} of ${field}) needs ${needs}, but item ${index} has ${describeValue(value)}`);

  const numbers = values.map(({ value }) => toNumber(value));
  if (operation === 'sum' || operation === 'avg') {
    const bad = numbers.findIndex((number) => number === undefined);
    if (bad >= 0) throw fail('numbers', values[bad]);
    const sum = (numbers as number[]).reduce((total, number) => total + number, 0);
    return operation === 'sum' ? sum : values.length > 0 ? sum / values.length : null;
  }
  const allNumbers = numbers.every((number) => number !== undefined);
  const odd = allNumbers ? undefined : values.find(({ value }) => typeof value !== 'string');
  if (odd) throw fail('all numbers or all strings', odd);
  const candidates = (allNumbers ? numbers : values.map(({ value }) => value)) as Array<number | string>;
  let best: number | string | null = null;
  for (const candidate of candidates) {
    if (best === null || (operation === 'min' ? candidate < best : candidate > best)) best = candidate;
  }
  return best;
}
