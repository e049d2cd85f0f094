import type { ValidationState } from './types/type';
import { getIn } from './value_utils';

/** A value read at validation time instead of when the schema is built. */
export abstract class Reference<T> {
  static isReference(value: unknown): value is Reference<unknown> {
    return value instanceof Reference;
  }

  constructor(public readonly key: string) {}

  abstract resolve(state: ValidationState): T;
}

/** Reads another key of the object being validated, after that key has been validated. */
export class SiblingReference<T> extends Reference<T> {
  resolve(state: ValidationState): T {
    return getIn(state.siblings, this.key) as T;
  }
}

/** Reads the `context` argument given to `validate` (Kibana passes `dist`, `dev`, `serverless`…). */
export class ContextReference<T> extends Reference<T> {
  resolve(state: ValidationState): T {
    return getIn(state.context, this.key) as T;
  }
}
