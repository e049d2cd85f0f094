import { getIn, isPlainObject, typeDetect } from './value_utils';

describe('typeDetect (names used in messages)', () => {
  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    ['x', 'string'],
    [1, 'number'],
    [true, 'boolean'],
    [() => 1, 'function'],
    [[], 'Array'],
    [{}, 'Object'],
    [Object.create(null), 'Object'],
    [new Map(), 'Map'],
    [new Date(0), 'Date'],
    [/x/, 'RegExp'],
    [new (class Custom {})(), 'Object'],
  ])('%p is %s', (value, expected) => {
    expect(typeDetect(value)).toBe(expected);
  });
});

describe('isPlainObject', () => {
  it.each([
    [{}, true],
    [Object.create(null), true],
    [[], false],
    [null, false],
    [new Map(), false],
    [new (class Custom {})(), false],
  ])('%p → %s', (value, expected) => {
    expect(isPlainObject(value)).toBe(expected);
  });
});

describe('getIn', () => {
  it('reads dotted keys and stops at non-objects', () => {
    expect(getIn({ a: { b: 2 } }, 'a.b')).toBe(2);
    expect(getIn({ a: 1 }, 'a.b')).toBeUndefined();
    expect(getIn(undefined, 'a')).toBeUndefined();
  });
});
