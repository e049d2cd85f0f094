import { ByteSizeValue, ensureByteSizeValue } from '../byte_size_value';
import { typeDetect } from '../value_utils';
import { Type, type TypeOptions, type ValidationState } from './type';

export interface ByteSizeOptions extends Omit<TypeOptions<ByteSizeValue>, 'defaultValue'> {
  defaultValue?: ByteSizeValue | string | number;
  min?: ByteSizeValue | string | number;
  max?: ByteSizeValue | string | number;
}

export class ByteSizeType extends Type<ByteSizeValue> {
  private readonly min?: ByteSizeValue;
  private readonly max?: ByteSizeValue;

  constructor(options: ByteSizeOptions = {}) {
    const { defaultValue, min, max, ...rest } = options;
    super({ ...rest, defaultValue: defaultValue === undefined ? undefined : ensureByteSizeValue(defaultValue) });
    this.min = min === undefined ? undefined : ensureByteSizeValue(min);
    this.max = max === undefined ? undefined : ensureByteSizeValue(max);
  }

  protected parse(value: unknown, state: ValidationState): ByteSizeValue {
    const size = this.toByteSize(value, state);
    if (this.min && size.isLessThan(this.min)) {
      throw this.error(`Value must be equal to or greater than [${this.min.toString()}]`, state);
    }
    if (this.max && size.isGreaterThan(this.max)) {
      throw this.error(`Value must be equal to or lower than [${this.max.toString()}]`, state);
    }
    return size;
  }

  private toByteSize(value: unknown, state: ValidationState): ByteSizeValue {
    if (value instanceof ByteSizeValue) return value;
    if (typeof value === 'string' || typeof value === 'number') {
      try {
        return ensureByteSizeValue(value);
      } catch (error) {
        throw this.error((error as Error).message, state);
      }
    }
    throw this.error(`expected value of type [ByteSize] but got [${typeDetect(value)}]`, state);
  }
}
