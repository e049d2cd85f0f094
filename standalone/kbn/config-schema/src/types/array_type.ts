import { parseJson, typeDetect } from '../value_utils';
import { childState, Type, type TypeOptions, type ValidationState } from './type';

export interface ArrayOptions<T> extends TypeOptions<T[]> {
  minSize?: number;
  maxSize?: number;
}

export class ArrayType<T> extends Type<T[]> {
  private readonly arrayOptions: ArrayOptions<T>;

  constructor(private readonly itemType: Type<T>, options: ArrayOptions<T> = {}) {
    super(options);
    this.arrayOptions = options;
  }

  protected parse(value: unknown, state: ValidationState): T[] {
    const items = this.toArray(value, state);
    const result = items.map((item, index) => {
      const itemState = childState(state, index);
      if (item === undefined) throw this.error('sparse array are not allowed', itemState);
      return this.itemType.validateWithState(item, itemState);
    });
    const { minSize, maxSize } = this.arrayOptions;
    if (minSize !== undefined && result.length < minSize) {
      throw this.error(`array size is [${result.length}], but cannot be smaller than [${minSize}]`, state);
    }
    if (maxSize !== undefined && result.length > maxSize) {
      throw this.error(`array size is [${result.length}], but cannot be greater than [${maxSize}]`, state);
    }
    return result;
  }

  private toArray(value: unknown, state: ValidationState): unknown[] {
    let candidate = value;
    // Only JSON text is converted; a lone value is not wrapped into an array.
    if (typeof value === 'string') {
      const parsed = parseJson(value);
      if (!parsed.ok) throw this.error('could not parse array value from json input', state);
      candidate = parsed.value;
    }
    if (!Array.isArray(candidate)) {
      throw this.error(`expected value of type [array] but got [${typeDetect(candidate)}]`, state);
    }
    return candidate;
  }
}
