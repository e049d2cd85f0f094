import { setOwn, typeDetect } from '../value_utils';
import { readEntries, validateEntry } from './key_value';
import { Type, type TypeOptions, type ValidationState } from './type';

export type RecordOfOptions<K extends string, V> = TypeOptions<Record<K, V>>;

export class RecordOfType<K extends string, V> extends Type<Record<K, V>> {
  constructor(private readonly keyType: Type<K>, private readonly valueType: Type<V>, options?: RecordOfOptions<K, V>) {
    super(options);
  }

  protected parse(value: unknown, state: ValidationState): Record<K, V> {
    const read = readEntries(value, false);
    if (!read.ok) {
      throw this.error(
        read.reason === 'json'
          ? 'could not parse record value from json input'
          : `expected value of type [object] but got [${typeDetect(read.value)}]`,
        state
      );
    }
    const result: Record<string, unknown> = {};
    for (const entry of read.entries) {
      const [key, entryValue] = validateEntry({ keyType: this.keyType, valueType: this.valueType }, entry, state);
      setOwn(result, key, entryValue);
    }
    return result as Record<K, V>;
  }
}
