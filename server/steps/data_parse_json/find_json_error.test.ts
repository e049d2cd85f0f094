import { findJsonError } from './find_json_error';

describe('findJsonError', () => {
  it.each([
    ['{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}}'],
    ['  []  '],
    ['"text"'],
    ['0'],
    [`${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ])('finds nothing wrong in %#', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonError(text)).toBeUndefined();
  });

  it.each([
    ['', 0, 'the text ends where a value was expected'],
    ['{"a": }', 6, 'expected a value but found "}"'],
    ['{"a" 1}', 5, 'expected ":" but found "1"'],
    ['{"a": 1,}', 8, 'expected a property name in double quotes but found "}"'],
    ["{'a': 1}", 1, 'expected a property name in double quotes or "}" but found "\'"'],
    ['[1, 2', 5, 'the text ends where "," or "]" was expected'],
    ['[1 2]', 3, 'expected "," or "]" but found "2"'],
    ['[,]', 1, 'expected a value or "]" but found ","'],
    ['{"a": 1} x', 9, 'unexpected "x" after the JSON value'],
    ['01', 1, 'unexpected "1" after the JSON value'],
    ['-', 0, 'expected a value but found "-"'],
    ['tru', 0, 'expected a value but found "t"'],
    ['"abc', 0, 'a string that is not closed'],
    ['"a\\x"', 2, 'an invalid escape inside a string'],
    ['"a\\u12"', 2, 'an invalid escape inside a string'],
    ['"line\nbreak"', 5, 'a control character (such as a line break) inside a string'],
  ])('finds where %j goes wrong', (text, offset, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonError(text)).toEqual({ offset, message });
  });
});
