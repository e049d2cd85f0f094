import { typeDetect } from '../value_utils';
import { Type, type TypeOptions, type ValidationState } from './type';

export type BooleanOptions = TypeOptions<boolean>;

export class BooleanType extends Type<boolean> {
  constructor(options?: BooleanOptions) {
    super(options);
  }

  protected parse(value: unknown, state: ValidationState): boolean {
    if (typeof value === 'boolean') return value;
    // Query strings only carry text, so 'true' / 'false' (any case) are accepted.
    if (typeof value === 'string') {
      const normalized = value.toLowerCase();
      if (normalized === 'true') return true;
      if (normalized === 'false') return false;
    }
    throw this.error(`expected value of type [boolean] but got [${typeDetect(value)}]`, state);
  }
}
