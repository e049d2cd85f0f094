import { typeDetect } from '../value_utils';
import { readEntries, validateEntry } from './key_value';
import { Type, type TypeOptions, type ValidationState } from './type';

export type MapOfOptions<K, V> = TypeOptions<Map<K, V>>;

/** Accepts a Map, a plain object or JSON text; always returns a Map with validated keys. */
export class MapOfType<K, V> extends Type<Map<K, V>> {
  constructor(private readonly keyType: Type<K>, private readonly valueType: Type<V>, options?: MapOfOptions<K, V>) {
    super(options);
  }

  protected parse(value: unknown, state: ValidationState): Map<K, V> {
    const read = readEntries(value, true);
    if (!read.ok) {
      throw this.error(
        read.reason === 'json'
          ? 'could not parse map value from json input'
          : `expected value of type [Map] or [object] but got [${typeDetect(read.value)}]`,
        state
      );
    }
    return new Map(
      read.entries.map((entry) => validateEntry({ keyType: this.keyType, valueType: this.valueType }, entry, state))
    );
  }
}
