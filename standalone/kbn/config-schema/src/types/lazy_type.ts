import { Type, type ValidationState } from './type';

/** Refers to an enclosing object schema by its `meta.id`, which is how recursive schemas are written. */
export class LazyType<T> extends Type<T> {
  constructor(private readonly id: string) {
    super();
  }

  protected parse(value: unknown, state: ValidationState): T {
    for (let scope = state.scope; scope; scope = scope.parent) {
      if (scope.id === this.id) return scope.type.validateWithState(value, state) as T;
    }
    // A missing id is a schema bug, not a bad value.
    throw new Error(`schema.lazy: no enclosing schema has meta.id [${this.id}]`);
  }
}
