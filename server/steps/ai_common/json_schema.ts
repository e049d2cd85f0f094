/**
 * Checks a value against the part of JSON Schema that workflow authors write for structured AI
 * output: `type` (one or a list), `enum`, `const`, `properties`, `required`,
 * `additionalProperties`, `items`, `minimum`/`maximum`, `minItems`/`maxItems`. Other keywords are
 * ignored rather than rejected, so a richer schema still works (less strictly).
 * It reports only the first violation, worded for a person reading the step error; a full
 * validator (and its dependency) would buy nothing a retry of the model needs.
 */
export type JsonSchema = Record<string, unknown>;

const TYPE_CHECKS: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  null: (value) => value === null,
  array: (value) => Array.isArray(value),
  object: (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
};

const typeOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

const isSchema = (value: unknown): value is JsonSchema => value !== null && typeof value === 'object' && !Array.isArray(value);

const child = (path: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}['${key.replace(/['\\]/g, '\\$&')}']`);

const violation = (path: string, problem: string) => `at "${path}": ${problem}`;

const items = (count: number) => `${count} item${count === 1 ? '' : 's'}`;

/** The first way `value` breaks `schema`, e.g. `at "$.severity": expected one of low, medium, high`. */
export function firstViolation(value: unknown, schema: JsonSchema, path = '$'): string | undefined {
  const types = schema.type === undefined ? [] : ([] as unknown[]).concat(schema.type).map(String);
  if (types.length && !types.some((type) => TYPE_CHECKS[type]?.(value) ?? true)) {
    return violation(path, `expected ${types.join(' or ')}, got ${typeOf(value)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => sameJson(allowed, value))) {
    return violation(path, `expected one of ${schema.enum.map((allowed) => (typeof allowed === 'string' ? allowed : JSON.stringify(allowed))).join(', ')}`);
  }
  if ('const' in schema && !sameJson(schema.const, value)) return violation(path, `expected ${JSON.stringify(schema.const)}`);
  if (typeof value === 'number') return numberViolation(value, schema, path);
  if (Array.isArray(value)) return arrayViolation(value, schema, path);
  if (TYPE_CHECKS.object(value)) return objectViolation(value as Record<string, unknown>, schema, path);
  return undefined;
}

function numberViolation(value: number, schema: JsonSchema, path: string) {
  if (typeof schema.minimum === 'number' && value < schema.minimum) return violation(path, `expected at least ${schema.minimum}`);
  if (typeof schema.maximum === 'number' && value > schema.maximum) return violation(path, `expected at most ${schema.maximum}`);
  return undefined;
}

function arrayViolation(value: unknown[], schema: JsonSchema, path: string) {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) return violation(path, `expected at least ${items(schema.minItems)}`);
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return violation(path, `expected at most ${items(schema.maxItems)}`);
  if (!isSchema(schema.items)) return undefined;
  for (const [index, item] of value.entries()) {
    const found = firstViolation(item, schema.items, `${path}[${index}]`);
    if (found) return found;
  }
  return undefined;
}

function objectViolation(value: Record<string, unknown>, schema: JsonSchema, path: string) {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  for (const key of Array.isArray(schema.required) ? schema.required.map(String) : []) {
    if (!(key in value)) return violation(child(path, key), 'required property is missing');
  }
  for (const [key, item] of Object.entries(value)) {
    const own = properties[key];
    if (isSchema(own)) {
      const found = firstViolation(item, own, child(path, key));
      if (found) return found;
    } else if (schema.additionalProperties === false) {
      return violation(child(path, key), 'property not allowed by the schema');
    } else if (isSchema(schema.additionalProperties)) {
      const found = firstViolation(item, schema.additionalProperties, child(path, key));
      if (found) return found;
    }
  }
  return undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}
