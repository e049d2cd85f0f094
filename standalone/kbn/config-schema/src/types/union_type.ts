import { SchemaTypeError, SchemaTypesError } from '../errors';
import { Type, type TypeOf, type TypeOptions, type ValidationState } from './type';

/** The first alternative that accepts the value wins; if none does, every failure is reported. */
export class UnionType<RTS extends Array<Type<any>>> extends Type<TypeOf<RTS[number]>> {
  constructor(private readonly types: RTS, options?: TypeOptions<TypeOf<RTS[number]>>) {
    super(options);
  }

  getSiblingRefKeys(): string[] {
    return [...super.getSiblingRefKeys(), ...this.types.flatMap((type) => type.getSiblingRefKeys())];
  }

  protected parse(value: unknown, state: ValidationState): TypeOf<RTS[number]> {
    if (value === undefined) throw this.error('expected at least one defined value but got [undefined]', state);
    const failures: SchemaTypeError[] = [];
    for (const [index, type] of this.types.entries()) {
      try {
        return type.validateWithState(value, state);
      } catch (error) {
        if (!(error instanceof SchemaTypeError)) throw error;
        failures.push(withIndex(error, state.path.length, String(index)));
      }
    }
    throw new SchemaTypesError('types that failed validation:', [...state.path], failures);
  }
}

/** Inserts the alternative's index right after the union's own path, in the error and its children. */
function withIndex(error: SchemaTypeError, at: number, index: string): SchemaTypeError {
  const path = [...error.path.slice(0, at), index, ...error.path.slice(at)];
  if (error instanceof SchemaTypesError) {
    return new SchemaTypesError(error.message, path, error.errors.map((child) => withIndex(child, at, index)));
  }
  return new SchemaTypeError(error.message, path);
}
