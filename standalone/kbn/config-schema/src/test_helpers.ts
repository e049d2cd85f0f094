import { ValidationError } from './errors';
import type { Type } from './types/type';

/** Returns the exact message `validate` threw, after checking that it threw a ValidationError. */
export function failureOf(
  type: Type<unknown>,
  value: unknown,
  options: { context?: Record<string, unknown>; namespace?: string } = {}
): string {
  try {
    type.validate(value, options.context, options.namespace);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).message;
  }
  throw new Error(`expected validation of ${JSON.stringify(value)} to fail`);
}
