import { isPlainObject } from './value_checks';

const sortKeys = (_key: string, value: unknown) =>
  isPlainObject(value) ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, value[key]])) : value;

/** A text that is the same for equal JSON values, whatever the order of their keys. */
export const valueKey = (value: unknown): string => JSON.stringify(value ?? null, sortKeys);

/** The items whose key was not seen before (`first`) or is not seen again (`last`), in their order. */
export function uniqueBy(items: unknown[], keyOf: (item: unknown) => string, keep: 'first' | 'last'): unknown[] {
  const keys = items.map(keyOf);
  const survivor = new Map<string, number>();
  keys.forEach((key, index) => {
    if (keep === 'last' || !survivor.has(key)) survivor.set(key, index);
  });
  return items.filter((_item, index) => survivor.get(keys[index]) === index);
}
