import { isPlainObject, parseJson } from '../value_utils';
import { childState, type Type, type ValidationState } from './type';

/** Validates one entry; a key error is reported at `key("<key>")`, a value error at the key itself. */
export function validateEntry<K, V>(
  types: { keyType: Type<K>; valueType: Type<V> },
  entry: [unknown, unknown],
  state: ValidationState
): [K, V] {
  const [key, value] = entry;
  const validatedKey = types.keyType.validateWithState(key, childState(state, `key("${String(key)}")`));
  return [validatedKey, types.valueType.validateWithState(value, childState(state, String(key)))];
}

export type EntriesResult = { ok: true; entries: Array<[unknown, unknown]> } | { ok: false; reason: 'json' | 'type'; value: unknown };

/** Reads entries from a plain object, a JSON object text or (when allowed) a Map. */
export function readEntries(value: unknown, acceptMap: boolean): EntriesResult {
  let candidate = value;
  if (typeof value === 'string') {
    const parsed = parseJson(value);
    if (!parsed.ok) return { ok: false, reason: 'json', value };
    candidate = parsed.value;
  }
  if (acceptMap && candidate instanceof Map) {
    return { ok: true, entries: [...candidate.entries()] };
  }
  if (isPlainObject(candidate)) return { ok: true, entries: Object.entries(candidate) };
  return { ok: false, reason: 'type', value: candidate };
}
