/**
 * Names a value the way the `type-detect` package does, because Kibana's messages are built with
 * it: primitives by `typeof` (`number`, `undefined`), `null`, and objects by class tag (`Array`,
 * `Object`, `Map`, `Date`).
 */
export function typeDetect(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return 'Array';
  const tag = (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag];
  if (typeof tag === 'string') return tag;
  if (Object.getPrototypeOf(value) === null) return 'Object';
  return Object.prototype.toString.call(value).slice('[object '.length, -1);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Reads a dotted key (`a.b`), as Joi references do. */
export function getIn(source: unknown, key: string): unknown {
  let current: unknown = source;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = current instanceof Map ? current.get(part) : (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Assigns without tripping the `__proto__` setter, so a user key cannot change the prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false };

export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
