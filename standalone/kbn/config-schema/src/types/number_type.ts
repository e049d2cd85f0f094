import { typeDetect } from '../value_utils';
import { Type, type TypeOptions, type ValidationState } from './type';

export interface NumberOptions extends TypeOptions<number> {
  min?: number;
  max?: number;
  /** Accepted for API parity; integers beyond 2^53 are not rejected here. */
  unsafe?: boolean;
}

// The numeric-string shapes Joi converts: surrounding spaces, sign, decimals and an exponent.
const NUMERIC_STRING = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/i;

export class NumberType extends Type<number> {
  private readonly numberOptions: NumberOptions;

  constructor(options: NumberOptions = {}) {
    super(options);
    this.numberOptions = options;
  }

  protected parse(value: unknown, state: ValidationState): number {
    const number = toNumber(value);
    if (number === undefined) {
      throw this.error(`expected value of type [number] but got [${typeDetect(value)}]`, state);
    }
    const { min, max } = this.numberOptions;
    if (min !== undefined && number < min) throw this.error(`Value must be equal to or greater than [${min}].`, state);
    if (max !== undefined && number > max) throw this.error(`Value must be equal to or lower than [${max}].`, state);
    return number;
  }
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMERIC_STRING.test(value)) {
    const parsed = parseFloat(value.trim());
    // Normalises -0 like Joi does.
    return Number.isFinite(parsed) ? parsed + 0 : undefined;
  }
  return undefined;
}
