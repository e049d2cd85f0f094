import { Type, type ValidationState } from './type';

/** `undefined` stays `undefined` (the wrapped type's default is not applied); anything else is checked. */
export class MaybeType<V> extends Type<V | undefined> {
  constructor(private readonly inner: Type<V>) {
    super();
  }

  getSiblingRefKeys(): string[] {
    return this.inner.getSiblingRefKeys();
  }

  protected parse(value: unknown, state: ValidationState): V | undefined {
    return value === undefined ? undefined : this.inner.validateWithState(value, state);
  }
}

/** `null` and `undefined` both give `null`; anything else must match the wrapped type. */
export class NullableType<V> extends Type<V | null> {
  constructor(private readonly inner: Type<V>) {
    super();
  }

  getSiblingRefKeys(): string[] {
    return this.inner.getSiblingRefKeys();
  }

  protected parse(value: unknown, state: ValidationState): V | null {
    return value === undefined || value === null ? null : this.inner.validateWithState(value, state);
  }
}
