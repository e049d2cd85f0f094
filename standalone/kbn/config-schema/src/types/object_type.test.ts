import { schema } from '../schema';
import { failureOf } from '../test_helpers';

const stepSchema = schema.object({ name: schema.string(), with: schema.maybe(schema.object({}, { unknowns: 'allow' })) });
const bodySchema = schema.object({
  yaml: schema.maybe(schema.string({ minLength: 1 })),
  enabled: schema.boolean({ defaultValue: true }),
  steps: schema.maybe(schema.arrayOf(stepSchema)),
});

describe('schema.object', () => {
  it.each([
    ['applies defaults and leaves absent optional keys out', {}, { enabled: true }],
    ['keeps given values', { yaml: 'a: 1', enabled: false }, { yaml: 'a: 1', enabled: false }],
    ['coerces like Kibana does for query strings', { enabled: 'false' }, { enabled: false }],
    ['parses JSON text input', '{"yaml":"x"}', { yaml: 'x', enabled: true }],
    ['builds a missing object from its defaults', undefined, { enabled: true }],
    [
      'keeps unknown keys of nested allow objects',
      { steps: [{ name: 's', with: { any: 1 } }] },
      { enabled: true, steps: [{ name: 's', with: { any: 1 } }] },
    ],
  ])('%s', (_, input, expected) => {
    const result = bodySchema.validate(input);
    expect(result).toStrictEqual(expected);
  });

  it.each([
    ['unknown key', { foo: 1 }, '[request body.foo]: definition for this key is missing'],
    ['non-object', [], '[request body]: expected a plain object value, but found [Array] instead.'],
    ['null', null, '[request body]: expected a plain object value, but found [null] instead.'],
    ['bad JSON text', '{yaml', '[request body]: could not parse object value from json input'],
    ['JSON text of a non-object', '[1]', '[request body]: expected a plain object value, but found [Array] instead.'],
    ['too short string', { yaml: '' }, '[request body.yaml]: value has length [0] but it must have a minimum length of [1].'],
    [
      'missing nested required key',
      { steps: [{ name: 'a' }, {}] },
      '[request body.steps.1.name]: expected value of type [string] but got [undefined]',
    ],
    ['unknown nested key', { steps: [{ name: 'a', id: 1 }] }, '[request body.steps.0.id]: definition for this key is missing'],
  ])('fails on %s', (_, input, message) => {
    expect(failureOf(bodySchema, input, { namespace: 'request body' })).toBe(message);
  });

  it('reports declared keys before unknown keys, and only the first error', () => {
    const type = schema.object({ a: schema.string(), b: schema.number() });
    expect(failureOf(type, { zzz: 1, b: 'x' })).toBe('[a]: expected value of type [string] but got [undefined]');
  });

  it('reports an unknown key at the root without a namespace', () => {
    expect(failureOf(schema.object({}), { bar: 1 })).toBe('[bar]: definition for this key is missing');
  });

  it('rejects an own __proto__ key and never changes the prototype', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}}');
    expect(failureOf(schema.object({}), input)).toBe('[__proto__]: definition for this key is missing');
    const kept = schema.object({}, { unknowns: 'allow' }).validate(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.keys(kept)).toEqual(['__proto__']);
  });

  it('still requires the props of a missing object that have no default', () => {
    const type = schema.object({ sqlite: schema.object({ path: schema.string() }) });
    expect(failureOf(type, {})).toBe('[sqlite.path]: expected value of type [string] but got [undefined]');
  });

  it('returns an explicit defaultValue as given', () => {
    const type = schema.object({ a: schema.string() }, { defaultValue: { a: 'dflt' } });
    expect(type.validate(undefined)).toEqual({ a: 'dflt' });
  });

  it('runs the validate option on the validated object', () => {
    const range = schema.object(
      { from: schema.number(), to: schema.number() },
      { validate: ({ from, to }) => (from > to ? 'from must not be after to' : undefined) }
    );
    expect(range.validate({ from: '1', to: 2 })).toEqual({ from: 1, to: 2 });
    expect(failureOf(range, { from: 3, to: 2 }, { namespace: 'request query' })).toBe('[request query]: from must not be after to');
  });
});

describe('unknown keys', () => {
  const props = { a: schema.string(), inner: schema.object({ b: schema.string() }) };
  const input = { a: 'x', extra: 1, inner: { b: 'y', deeper: 2 } };

  it.each([
    ['allow', { unknowns: 'allow' as const }],
    ['forbid (default)', {}],
  ])('%s still checks nested forbid objects', (_, options) => {
    expect(failureOf(schema.object(props, options), input)).toBe('[inner.deeper]: definition for this key is missing');
  });

  it('allow keeps unknown keys', () => {
    const type = schema.object({ a: schema.string() }, { unknowns: 'allow' });
    expect(type.validate({ a: 'x', extra: 1 })).toStrictEqual({ a: 'x', extra: 1 });
  });

  it('ignore drops unknown keys, in nested objects too (as Kibana, where it is an inherited Joi preference)', () => {
    expect(schema.object(props, { unknowns: 'ignore' }).validate(input)).toStrictEqual({ a: 'x', inner: { b: 'y' } });
  });

  it('stripUnknownKeys drops unknown keys of forbid objects at any depth but keeps allow ones', () => {
    const type = schema.object({ ...props, open: schema.object({}, { unknowns: 'allow' }) });
    const result = type.validate({ ...input, open: { kept: true } }, {}, undefined, { stripUnknownKeys: true });
    expect(result).toStrictEqual({ a: 'x', inner: { b: 'y' }, open: { kept: true } });
  });
});

describe('ObjectType.extends and getPropSchemas', () => {
  const base = schema.object({ a: schema.string(), b: schema.number() }, { unknowns: 'forbid' });

  it('adds, replaces and removes props, and merges options', () => {
    const extended = base.extends({ b: undefined, c: schema.boolean(), a: schema.literal('x') }, { unknowns: 'allow' });
    expect(Object.keys(extended.getPropSchemas())).toEqual(['a', 'c']);
    expect(extended.validate({ a: 'x', c: 'true', z: 1 })).toStrictEqual({ a: 'x', c: true, z: 1 });
    expect(failureOf(extended, { a: 'y', c: true })).toBe('[a]: expected value to equal [x] but got [y]');
  });

  it('leaves the original untouched', () => {
    base.extends({ a: null });
    expect(Object.keys(base.getPropSchemas())).toEqual(['a', 'b']);
    expect(failureOf(base, { b: 1 })).toBe('[a]: expected value of type [string] but got [undefined]');
  });
});
