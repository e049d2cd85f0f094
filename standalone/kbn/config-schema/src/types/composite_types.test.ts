import { schema } from '../schema';
import { failureOf } from '../test_helpers';

describe('schema.oneOf', () => {
  const storage = schema.oneOf([schema.literal('elasticsearch'), schema.literal('sqlite')], { defaultValue: 'elasticsearch' });

  it.each([
    ['sqlite', 'sqlite'],
    [undefined, 'elasticsearch'],
  ])('%p → %p', (input, expected) => {
    expect(storage.validate(input)).toBe(expected);
  });

  it('lists every failure with the alternative index in the path', () => {
    const type = schema.object({ key: schema.oneOf([schema.string(), schema.object({ n: schema.number() })]) });
    expect(failureOf(type, { key: { n: 'x' } }, { namespace: 'request body' })).toBe(
      [
        '[request body.key]: types that failed validation:',
        '- [request body.key.0]: expected value of type [string] but got [Object]',
        '- [request body.key.1.n]: expected value of type [number] but got [string]',
      ].join('\n')
    );
  });

  it('at the root, paths are just the indexes', () => {
    expect(failureOf(storage, 'mysql')).toBe(
      [
        'types that failed validation:',
        '- [0]: expected value to equal [elasticsearch] but got [mysql]',
        '- [1]: expected value to equal [sqlite] but got [mysql]',
      ].join('\n')
    );
  });

  it('indents nested unions', () => {
    const type = schema.oneOf([schema.string(), schema.oneOf([schema.number(), schema.boolean()])]);
    expect(failureOf(type, {})).toBe(
      [
        'types that failed validation:',
        '- [0]: expected value of type [string] but got [Object]',
        '- [1]: types that failed validation:',
        '  - [1.0]: expected value of type [number] but got [Object]',
        '  - [1.1]: expected value of type [boolean] but got [Object]',
      ].join('\n')
    );
  });

  it('needs a defined value when it has no default', () => {
    expect(failureOf(schema.oneOf([schema.string()]), undefined)).toBe('expected at least one defined value but got [undefined]');
  });

  it('returns the first alternative that accepts the value, with its coercion', () => {
    expect(schema.oneOf([schema.number(), schema.string()]).validate('5')).toBe(5);
    expect(schema.union([schema.string(), schema.number()]).validate('5')).toBe('5');
  });
});

describe('schema.allOf', () => {
  const type = schema.allOf([schema.object({ a: schema.string() }), schema.object({ b: schema.number({ defaultValue: 1 }) })]);

  it('validates the merged props as one object', () => {
    expect(type.validate({ a: 'x' })).toStrictEqual({ a: 'x', b: 1 });
    expect(failureOf(type, { a: 'x', c: 1 })).toBe('[c]: definition for this key is missing');
  });

  it('refuses a key defined twice', () => {
    expect(() => schema.allOf([schema.object({ a: schema.string() }), schema.object({ a: schema.number() })])).toThrow(
      'Duplicate key in intersection: a'
    );
  });
});

describe('schema.maybe and schema.nullable', () => {
  it.each([
    ['maybe keeps undefined, ignoring the inner default', schema.maybe(schema.string({ defaultValue: 'd' })), undefined, undefined],
    ['maybe checks a present value', schema.maybe(schema.number()), '3', 3],
    ['nullable turns undefined into null', schema.nullable(schema.string()), undefined, null],
    ['nullable keeps null', schema.nullable(schema.string()), null, null],
    ['nullable checks a present value', schema.nullable(schema.boolean()), 'true', true],
  ])('%s', (_, type, input, expected) => {
    expect(type.validate(input)).toBe(expected);
  });

  it.each([
    ['maybe rejects null', schema.maybe(schema.string()), null, 'expected value of type [string] but got [null]'],
    ['nullable reports the inner failure', schema.nullable(schema.string()), 1, 'expected value of type [string] but got [number]'],
  ])('%s', (_, type, input, message) => {
    expect(failureOf(type, input)).toBe(message);
  });
});

describe('schema.conditional with references', () => {
  const connector = schema.object({
    kind: schema.oneOf([schema.literal('webhook'), schema.literal('email')], { defaultValue: 'webhook' }),
    // Declared before `kind` on purpose: the object validates `kind` first because `target` refers to it.
    target: schema.conditional(schema.siblingRef('kind'), 'webhook', schema.uri(), schema.string({ minLength: 3 })),
  });

  it.each([
    [{ target: 'http://x' }, { kind: 'webhook', target: 'http://x' }],
    [{ kind: 'email', target: 'a@b' }, { kind: 'email', target: 'a@b' }],
  ])('picks the branch from the sibling %p', (input, expected) => {
    expect(connector.validate(input)).toStrictEqual(expected);
  });

  it('reports the chosen branch failure', () => {
    expect(failureOf(connector, { target: 'nope' })).toBe('[target]: value must be a valid URI (see RFC 3986).');
  });

  it.each([
    [{ dist: true }, 'prod'],
    [{ dist: false }, 'dev'],
    [{}, 'dev'],
  ])('reads the context %p', (context, expected) => {
    const type = schema.conditional(
      schema.contextRef('dist'),
      true,
      schema.string({ defaultValue: 'prod' }),
      schema.string({ defaultValue: 'dev' })
    );
    expect(type.validate(undefined, context)).toBe(expected);
  });

  it('may compare against a schema or another sibling', () => {
    const type = schema.object({
      a: schema.any(),
      b: schema.maybe(schema.any()),
      bySchema: schema.conditional(schema.siblingRef('a'), schema.number(), schema.literal('num'), schema.literal('other')),
      bySibling: schema.conditional(schema.siblingRef('a'), schema.siblingRef('b'), schema.literal('same'), schema.never()),
    });
    expect(type.validate({ a: '1', b: '1', bySchema: 'num', bySibling: 'same' })).toEqual({
      a: '1',
      b: '1',
      bySchema: 'num',
      bySibling: 'same',
    });
    expect(failureOf(type, { a: 'x', bySchema: 'num' })).toBe('[bySchema]: expected value to equal [other] but got [num]');
  });

  it('lets a default come from a validated sibling', () => {
    const type = schema.object({
      copy: schema.number({ defaultValue: schema.siblingRef('port') }),
      port: schema.number({ defaultValue: 5601 }),
    });
    expect(type.validate({})).toStrictEqual({ copy: 5601, port: 5601 });
    expect(type.validate({ port: '9' })).toStrictEqual({ copy: 9, port: 9 });
  });
});

describe('schema.lazy', () => {
  const node = schema.object(
    { name: schema.string(), children: schema.maybe(schema.arrayOf(schema.lazy<unknown>('node'))) },
    { meta: { id: 'node' } }
  );

  it('validates recursive structures against the enclosing schema', () => {
    const tree = { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] };
    expect(node.validate(tree)).toStrictEqual(tree);
    expect(failureOf(node, { name: 'a', children: [{ name: 'b', children: [{}] }] })).toBe(
      '[children.0.children.0.name]: expected value of type [string] but got [undefined]'
    );
  });

  it('throws a plain error when no enclosing schema has the id', () => {
    expect(() => schema.lazy('missing').validate(1)).toThrow('schema.lazy: no enclosing schema has meta.id [missing]');
  });
});
