const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Every non-null value `field` (a dotted path) reaches in `data`, the way Elasticsearch sees a
 * document:
 * - an array anywhere on the path stands for each of its items, so `event.alerts.host.name`
 *   reaches the host name of every alert and a condition holds when any of them matches;
 *   a numeric segment (`alerts.0`) picks one item instead;
 * - `length` as the last segment of an array or string is its length (the corpus writes
 *   `steps.q.output.values.length > 0`);
 * - objects may hold literal dotted keys, as alert documents do (`kibana.alert.severity`):
 *   the nested path is tried first, then the longest dotted key that prefixes the rest.
 * Only own properties are read, as in templates: `constructor` or `__proto__` reach nothing.
 */
export function resolveField(data: unknown, field: string): unknown[] {
  return collect(data, field.split('.'));
}

function collect(value: unknown, segments: string[]): unknown[] {
  if (value === null || value === undefined) return [];
  if (segments.length === 0) return Array.isArray(value) ? value.flatMap((item) => collect(item, [])) : [value];
  const [head, ...rest] = segments;
  if (head === 'length' && rest.length === 0 && (Array.isArray(value) || typeof value === 'string')) {
    return [value.length];
  }
  if (Array.isArray(value)) {
    if (/^\d+$/.test(head)) return hasOwn(value, head) ? collect(value[Number(head)], rest) : [];
    return value.flatMap((item) => collect(item, segments));
  }
  if (typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (hasOwn(record, head)) {
    const nested = collect(record[head], rest);
    if (nested.length > 0) return nested;
  }
  for (let size = segments.length; size >= 2; size--) {
    const key = segments.slice(0, size).join('.');
    if (hasOwn(record, key)) {
      const found = collect(record[key], segments.slice(size));
      if (found.length > 0) return found;
    }
  }
  return [];
}
