import { typeDetect } from '../value_utils';
import { isHostname } from './network';
import { Type, type TypeOptions, type ValidationState } from './type';

export interface StringOptions extends TypeOptions<string> {
  minLength?: number;
  maxLength?: number;
  hostname?: boolean;
  /** Accepts a number and returns it as a base-10 string (for ids sent as numbers in query strings). */
  coerceFromNumber?: boolean;
}

export class StringType extends Type<string> {
  private readonly stringOptions: StringOptions;

  constructor(options: StringOptions = {}) {
    super(options);
    this.stringOptions = options;
  }

  protected parse(value: unknown, state: ValidationState): string {
    const { minLength, maxLength, hostname, coerceFromNumber } = this.stringOptions;
    let text: string;
    if (typeof value === 'string') {
      text = value;
    } else if (coerceFromNumber && typeof value === 'number') {
      text = value.toString(10);
    } else {
      throw this.error(`expected value of type [string] but got [${typeDetect(value)}]`, state);
    }
    if (hostname && !isHostname(text)) {
      throw this.error('value must be a valid hostname (see RFC 1123).', state);
    }
    if (minLength !== undefined && text.length < minLength) {
      throw this.error(`value has length [${text.length}] but it must have a minimum length of [${minLength}].`, state);
    }
    if (maxLength !== undefined && text.length > maxLength) {
      throw this.error(`value has length [${text.length}] but it must have a maximum length of [${maxLength}].`, state);
    }
    return text;
  }
}
