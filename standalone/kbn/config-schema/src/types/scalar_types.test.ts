import { schema } from '../schema';
import { failureOf } from '../test_helpers';
import type { Type } from './type';

describe.each<[string, Type<unknown>, unknown, unknown]>([
  ['string', schema.string(), 'abc', 'abc'],
  ['string (empty is allowed)', schema.string(), '', ''],
  ['string within length bounds', schema.string({ minLength: 1, maxLength: 3 }), 'abc', 'abc'],
  ['string coerced from number', schema.string({ coerceFromNumber: true }), 42, '42'],
  ['string hostname', schema.string({ hostname: true }), 'es-01.example.com', 'es-01.example.com'],
  ['string hostname as IP', schema.string({ hostname: true }), '127.0.0.1', '127.0.0.1'],
  ['string default', schema.string({ defaultValue: 'dflt' }), undefined, 'dflt'],
  ['number', schema.number(), 3.5, 3.5],
  ['number from string', schema.number(), '42', 42],
  ['number from padded string', schema.number(), ' -1.5e2 ', -150],
  ['number at min and max', schema.number({ min: 1, max: 1 }), 1, 1],
  ['number default', schema.number({ defaultValue: 20 }), undefined, 20],
  ['boolean', schema.boolean(), false, false],
  ['boolean from "true"', schema.boolean(), 'true', true],
  ['boolean from "FALSE"', schema.boolean(), 'FALSE', false],
  ['boolean default', schema.boolean({ defaultValue: true }), undefined, true],
  ['literal string', schema.literal('sqlite'), 'sqlite', 'sqlite'],
  ['literal null', schema.literal(null), null, null],
  ['any', schema.any(), { deep: [1] }, { deep: [1] }],
  ['any null', schema.any(), null, null],
  ['never absent', schema.never(), undefined, undefined],
])('%s accepts', (_, type, input, expected) => {
  it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
    expect(type.validate(input)).toEqual(expected);
  });
});

describe.each<[string, Type<unknown>, unknown, string]>([
  ['string given number', schema.string(), 1, 'expected value of type [string] but got [number]'],
  ['string missing', schema.string(), undefined, 'expected value of type [string] but got [undefined]'],
  ['string given null', schema.string(), null, 'expected value of type [string] but got [null]'],
  ['string given array', schema.string(), ['a'], 'expected value of type [string] but got [Array]'],
  ['string given object', schema.string(), {}, 'expected value of type [string] but got [Object]'],
  [
    'string too short',
    schema.string({ minLength: 1 }),
    '',
    'value has length [0] but it must have a minimum length of [1].',
  ],
  [
    'string too long',
    schema.string({ maxLength: 2 }),
    'abc',
    'value has length [3] but it must have a maximum length of [2].',
  ],
  ['string bad hostname', schema.string({ hostname: true }), 'no_underscores', 'value must be a valid hostname (see RFC 1123).'],
  ['string hostname label ending in -', schema.string({ hostname: true }), 'a-.com', 'value must be a valid hostname (see RFC 1123).'],
  ['number given text', schema.number(), 'abc', 'expected value of type [number] but got [string]'],
  ['number given empty string', schema.number(), '', 'expected value of type [number] but got [string]'],
  ['number given NaN', schema.number(), NaN, 'expected value of type [number] but got [number]'],
  ['number given boolean', schema.number(), true, 'expected value of type [number] but got [boolean]'],
  ['number missing', schema.number(), undefined, 'expected value of type [number] but got [undefined]'],
  ['number below min', schema.number({ min: 1 }), 0, 'Value must be equal to or greater than [1].'],
  ['number above max', schema.number({ max: 1000 }), '1001', 'Value must be equal to or lower than [1000].'],
  ['boolean given text', schema.boolean(), 'yes', 'expected value of type [boolean] but got [string]'],
  ['boolean given number', schema.boolean(), 1, 'expected value of type [boolean] but got [number]'],
  ['literal mismatch', schema.literal('sqlite'), 'mysql', 'expected value to equal [sqlite] but got [mysql]'],
  ['literal number mismatch', schema.literal(1), '1', 'expected value to equal [1] but got [1]'],
  ['literal given object', schema.literal(true), {}, 'expected value to equal [true] but got [Object]'],
  ['literal missing', schema.literal('a'), undefined, 'expected value to equal [a] but got [undefined]'],
  ['any missing', schema.any(), undefined, 'expected value of type [any] but got [undefined]'],
  ['never present', schema.never(), 1, "a value wasn't expected to be present"],
  ['never given null', schema.never(), null, "a value wasn't expected to be present"],
])('%s fails', (_, type, input, message) => {
  it(message, () => {
    expect(failureOf(type, input)).toBe(message);
  });
});

describe('defaults', () => {
  it('are returned without being validated, as in Joi', () => {
    expect(schema.string({ minLength: 5, defaultValue: 'ab' }).validate(undefined)).toBe('ab');
  });

  it('may be a function, called on each use', () => {
    let calls = 0;
    const type = schema.number({ defaultValue: () => ++calls });
    expect([type.validate(undefined), type.validate(undefined)]).toEqual([1, 2]);
  });

  it('may be a context reference', () => {
    const type = schema.boolean({ defaultValue: schema.contextRef('dev') });
    expect(type.validate(undefined, { dev: true })).toBe(true);
  });

  it('do not replace null', () => {
    expect(failureOf(schema.string({ defaultValue: 'x' }), null)).toBe('expected value of type [string] but got [null]');
  });
});

describe('the validate option', () => {
  const even = schema.number({ validate: (value) => (value % 2 === 0 ? undefined : `[${value}] is odd`) });

  it.each([
    [4, undefined],
    ['6', undefined],
    [3, '[3] is odd'],
  ])('%p → %p', (input, message) => {
    if (message === undefined) expect(even.validate(input)).toBe(Number(input));
    else expect(failureOf(even, input)).toBe(message);
  });

  it('receives the coerced value and runs after the type checks', () => {
    const seen: unknown[] = [];
    const type = schema.number({ min: 0, validate: (value) => void seen.push(value) });
    expect(failureOf(type, -1)).toBe('Value must be equal to or greater than [0].');
    type.validate('7');
    expect(seen).toEqual([7]);
  });

  it('turns a thrown error into the message', () => {
    const type = schema.string({
      validate: () => {
        throw new Error('not today');
      },
    });
    expect(failureOf(type, 'x', { namespace: 'request body' })).toBe('[request body]: not today');
  });

  it('is skipped when the default is used', () => {
    const validate = jest.fn(() => 'never');
    expect(schema.string({ defaultValue: 'd', validate }).validate(undefined)).toBe('d');
    expect(validate).not.toHaveBeenCalled();
  });
});
