import { schema } from '../schema';
import { failureOf } from '../test_helpers';
import type { Type } from './type';

describe('schema.arrayOf', () => {
  const names = schema.arrayOf(schema.string(), { minSize: 1, maxSize: 2 });

  it.each<[string, Type<unknown>, unknown, unknown]>([
    ['items', names, ['a', 'b'], ['a', 'b']],
    ['coerced items', schema.arrayOf(schema.number()), ['1', 2], [1, 2]],
    ['JSON text', names, '["a"]', ['a']],
    ['empty array without bounds', schema.arrayOf(schema.string()), [], []],
    ['default', schema.arrayOf(schema.string(), { defaultValue: ['x'] }), undefined, ['x']],
    ['item defaults inside objects', schema.arrayOf(schema.object({ n: schema.number({ defaultValue: 1 }) })), [{}], [{ n: 1 }]],
  ])('accepts %s', (_, type, input, expected) => {
    expect(type.validate(input)).toStrictEqual(expected);
  });

  it.each([
    ['a lone value (no wrapping)', 'a', 'could not parse array value from json input'],
    ['an object', {}, 'expected value of type [array] but got [Object]'],
    ['JSON text of an object', '{}', 'expected value of type [array] but got [Object]'],
    ['undefined', undefined, 'expected value of type [array] but got [undefined]'],
    ['too few items', [], 'array size is [0], but cannot be smaller than [1]'],
    ['too many items', ['a', 'b', 'c'], 'array size is [3], but cannot be greater than [2]'],
    ['a bad item', ['a', 1], '[1]: expected value of type [string] but got [number]'],
    ['a hole', ['a', undefined], '[1]: sparse array are not allowed'],
  ])('rejects %s', (_, input, message) => {
    expect(failureOf(names, input)).toBe(message);
  });

  it('checks items before the size', () => {
    expect(failureOf(names, [1, 2, 3])).toBe('[0]: expected value of type [string] but got [number]');
  });
});

describe('schema.recordOf', () => {
  const headers = schema.recordOf(schema.string({ minLength: 2 }), schema.number());

  it.each([
    [{ ab: 1, cd: '2' }, { ab: 1, cd: 2 }],
    ['{"ab":3}', { ab: 3 }],
    [{}, {}],
  ])('accepts %p', (input, expected) => {
    expect(headers.validate(input)).toStrictEqual(expected);
  });

  it.each([
    [[], 'expected value of type [object] but got [Array]'],
    [undefined, 'expected value of type [object] but got [undefined]'],
    ['{', 'could not parse record value from json input'],
    [{ a: 1 }, '[key("a")]: value has length [1] but it must have a minimum length of [2].'],
    [{ ab: 'x' }, '[ab]: expected value of type [number] but got [string]'],
  ])('rejects %p', (input, message) => {
    expect(failureOf(headers, input)).toBe(message);
  });

  it('keeps the full path of nested errors', () => {
    const type = schema.object({ parent: schema.object({ record: headers }) });
    expect(failureOf(type, { parent: { record: { a: 1 } } })).toBe(
      '[parent.record.key("a")]: value has length [1] but it must have a minimum length of [2].'
    );
    expect(failureOf(type, { parent: { record: { ab: 'x' } } })).toBe(
      '[parent.record.ab]: expected value of type [number] but got [string]'
    );
  });
});

describe('schema.mapOf', () => {
  const byId = schema.mapOf(schema.number(), schema.string());

  it.each([
    ['a plain object, with keys coerced', { 1: 'a' }, [[1, 'a']]],
    ['a Map', new Map([[2, 'b']]), [[2, 'b']]],
    ['JSON text', '{"3":"c"}', [[3, 'c']]],
  ])('accepts %s', (_, input, entries) => {
    const result = byId.validate(input);
    expect(result).toBeInstanceOf(Map);
    expect([...result.entries()]).toEqual(entries);
  });

  it.each([
    [[], 'expected value of type [Map] or [object] but got [Array]'],
    ['x', 'could not parse map value from json input'],
    [{ name: 'a' }, '[key("name")]: expected value of type [number] but got [string]'],
    [new Map([[1, 2]]), '[1]: expected value of type [string] but got [number]'],
  ])('rejects %p', (input, message) => {
    expect(failureOf(byId, input)).toBe(message);
  });
});
