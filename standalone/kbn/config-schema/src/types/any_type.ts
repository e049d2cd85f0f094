import { typeDetect } from '../value_utils';
import { Type, type TypeOptions, type ValidationState } from './type';

/** Any value except `undefined` (use `schema.maybe(schema.any())` for an optional one). */
export class AnyType extends Type<any> {
  constructor(options?: TypeOptions<any>) {
    super(options);
  }

  protected parse(value: unknown, state: ValidationState): any {
    if (value === undefined) throw this.error(`expected value of type [any] but got [${typeDetect(value)}]`, state);
    return value;
  }
}

/** A key that must stay absent, e.g. a setting that only exists in another distribution. */
export class NeverType extends Type<never> {
  constructor() {
    super();
  }

  protected parse(value: unknown, state: ValidationState): never {
    if (value !== undefined) throw this.error("a value wasn't expected to be present", state);
    return value as never;
  }
}
