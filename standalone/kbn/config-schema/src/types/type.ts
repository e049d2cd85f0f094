import { SchemaTypeError, ValidationError } from '../errors';
import { Reference, SiblingReference } from '../references';

export interface TypeMeta {
  description?: string;
  deprecated?: boolean;
  /** Lets `schema.lazy(id)` refer back to this (object) schema. */
  id?: string;
}

export interface TypeOptions<T> {
  /** Used when the value is `undefined`. Defaults are returned as given, not validated (as in Joi). */
  defaultValue?: T | Reference<T> | (() => T);
  /** Runs after the type's own checks; a returned string becomes the error message at this path. */
  validate?: (value: T) => string | void;
  meta?: TypeMeta;
}

export interface SchemaValidationOptions {
  /** Drops unknown keys of `forbid` objects instead of failing on them. */
  stripUnknownKeys?: boolean;
}

/** Where in the value validation stands; passed down from parent to child types. */
export interface ValidationState {
  readonly path: readonly string[];
  readonly context: Record<string, unknown>;
  /** The enclosing object's values, for sibling references. */
  readonly siblings?: Record<string, unknown>;
  readonly stripUnknownKeys: boolean;
  /** Enclosing object schemas that declared `meta.id`, innermost first, for `schema.lazy`. */
  readonly scope?: SchemaScope;
}

export interface SchemaScope {
  readonly id: string;
  readonly type: Type<unknown>;
  readonly parent?: SchemaScope;
}

export type TypeOf<RT extends Type<any>> = RT['type'];

export abstract class Type<V> {
  /** Carries `V` for `TypeOf`; it has no run-time value. */
  declare readonly type: V;
  readonly __isKbnConfigSchemaType = true;
  // Held as `any` so that `Type<'a'>` stays assignable to `Type<string>`: a `validate` callback
  // typed with V would make the class invariant.
  protected readonly options: TypeOptions<any>;

  protected constructor(options: TypeOptions<any> = {}) {
    this.options = options;
  }

  /** Returns the validated (defaulted, coerced) value or throws a `ValidationError`. */
  validate(
    value: unknown,
    context: Record<string, unknown> = {},
    namespace?: string,
    validationOptions?: SchemaValidationOptions
  ): V {
    const state: ValidationState = { path: [], context, stripUnknownKeys: validationOptions?.stripUnknownKeys === true };
    try {
      return this.validateWithState(value, state);
    } catch (error) {
      if (error instanceof SchemaTypeError) throw new ValidationError(error, namespace);
      throw error;
    }
  }

  /** @internal Validates a value nested inside another one; errors keep `state.path`. */
  validateWithState(value: unknown, state: ValidationState): V {
    if (value === undefined && this.options.defaultValue !== undefined) {
      return this.resolveDefault(state);
    }
    const result = this.parse(value, state);
    if (result !== undefined && this.options.validate) {
      runCustomValidator(this.options.validate, result, state);
    }
    return result;
  }

  /** @internal Keys of sibling values this type reads; the object validates those keys first. */
  getSiblingRefKeys(): string[] {
    const { defaultValue } = this.options;
    return defaultValue instanceof SiblingReference ? [defaultValue.key] : [];
  }

  getMeta(): TypeMeta | undefined {
    return this.options.meta;
  }

  /** Checks and converts a value that is not `undefined`, or handles `undefined` without a default. */
  protected abstract parse(value: unknown, state: ValidationState): V;

  protected resolveDefault(state: ValidationState): V {
    const { defaultValue } = this.options;
    if (defaultValue instanceof Reference) return defaultValue.resolve(state);
    return typeof defaultValue === 'function' ? defaultValue() : defaultValue;
  }

  protected error(message: string, state: ValidationState): SchemaTypeError {
    return new SchemaTypeError(message, [...state.path]);
  }
}

function runCustomValidator(validator: (value: unknown) => string | void, value: unknown, state: ValidationState) {
  let message: string | void;
  try {
    message = validator(value);
  } catch (error) {
    // A throwing validator is still a bad value, not a server fault.
    message = error instanceof Error ? error.message : String(error);
  }
  if (typeof message === 'string' && message !== '') {
    throw new SchemaTypeError(message, [...state.path]);
  }
}

export function childState(state: ValidationState, key: string | number, overrides?: Partial<ValidationState>): ValidationState {
  return { ...state, ...overrides, path: [...state.path, String(key)] };
}

export function isConfigSchema(value: unknown): value is Type<unknown> {
  return value instanceof Type || (typeof value === 'object' && value !== null && '__isKbnConfigSchemaType' in value);
}
