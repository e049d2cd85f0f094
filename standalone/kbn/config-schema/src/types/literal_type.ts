import { typeDetect } from '../value_utils';
import { Type, type ValidationState } from './type';

export type LiteralValue = string | number | boolean | null;

export class LiteralType<T extends LiteralValue> extends Type<T> {
  constructor(private readonly expected: T) {
    super();
  }

  protected parse(value: unknown, state: ValidationState): T {
    if (value === this.expected) return this.expected;
    const shown = value !== null && typeof value === 'object' ? typeDetect(value) : String(value);
    throw this.error(`expected value to equal [${this.expected}] but got [${shown}]`, state);
  }
}
