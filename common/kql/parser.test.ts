import { findKqlError, KqlSyntaxError, parseKql, type KqlLiteral, type KqlNode } from '.';

const literal = (value: string, quoted = false): KqlLiteral => ({ type: 'literal', value, quoted });

describe('parseKql', () => {
  it.each<[string, KqlNode]>([
    ['a:1', { type: 'match', field: 'a', value: literal('1') }],
    ['  a . b : "x y"  ', { type: 'match', field: 'a . b', value: literal('x y', true) }],
    ["a: 'x'", { type: 'match', field: 'a', value: literal('x', true) }],
    ['a: *', { type: 'exists', field: 'a' }],
    ['a >= 5', { type: 'range', field: 'a', operator: '>=', value: literal('5') }],
    ['a<"x"', { type: 'range', field: 'a', operator: '<', value: literal('x', true) }],
    ['msg: disk full', { type: 'match', field: 'msg', value: literal('disk full') }],
    ['msg: a\\:b\\*', { type: 'match', field: 'msg', value: literal('a:b*') }],
    ['a: \\*', { type: 'match', field: 'a', value: literal('*') }],
    ['a: "*"', { type: 'match', field: 'a', value: literal('*', true) }],
    ['"a:b": c', { type: 'match', field: 'a:b', value: literal('c') }],
    ['notes: x', { type: 'match', field: 'notes', value: literal('x') }],
    ['True', { type: 'boolean', value: true }],
    ['"true": x', { type: 'match', field: 'true', value: literal('x') }],
    [
      'a:1 or b:2 and not c:3',
      {
        type: 'or',
        children: [
          { type: 'match', field: 'a', value: literal('1') },
          {
            type: 'and',
            children: [
              { type: 'match', field: 'b', value: literal('2') },
              { type: 'not', child: { type: 'match', field: 'c', value: literal('3') } },
            ],
          },
        ],
      },
    ],
    [
      'a:1 OR b:2 OR c:3',
      {
        type: 'or',
        children: [
          { type: 'match', field: 'a', value: literal('1') },
          { type: 'match', field: 'b', value: literal('2') },
          { type: 'match', field: 'c', value: literal('3') },
        ],
      },
    ],
    [
      '(a:1)and(b:2)',
      {
        type: 'and',
        children: [
          { type: 'match', field: 'a', value: literal('1') },
          { type: 'match', field: 'b', value: literal('2') },
        ],
      },
    ],
    [
      'a: (x or "y z" and not w)',
      {
        type: 'match',
        field: 'a',
        value: {
          type: 'or',
          children: [
            literal('x'),
            { type: 'and', children: [literal('y z', true), { type: 'not', child: literal('w') }] },
          ],
        },
      },
    ],
  ])('%j', (query, expected) => {
    expect(parseKql(query)).toEqual(expected);
  });

  it('compiles wildcards to anchored, case-sensitive patterns', () => {
    const node = parseKql('a: *x?y.z*');
    expect(node).toEqual({
      type: 'match',
      field: 'a',
      value: { type: 'literal', value: '*x?y.z*', quoted: false, pattern: /^.*x.y\.z.*$/s },
    });
  });

  it.each<[string, string, number]>([
    ['', 'Expected a condition but the query is empty at column 1', 0],
    ['   ', 'Expected a condition but the query is empty at column 1', 0],
    ['field:', 'Expected a value after ":" at column 7', 6],
    ['event.rule.name :   ', 'Expected a value after ":" at column 21', 20],
    ['a >', 'Expected a value after ">" at column 4', 3],
    ['a > (1 or 2)', 'Expected a single value after ">" at column 5', 4],
    ['a >= x*', 'Wildcards cannot be compared with ">=" at column 6', 5],
    ['(a:1', 'Missing ")" to close "(" at column 1', 0],
    ['a: (1 or 2', 'Missing ")" to close "(" at column 4', 3],
    ['a:1 and', 'Expected a condition after "and" at column 8', 7],
    ['a:1 or ', 'Expected a condition after "or" at column 8', 7],
    ['not ', 'Expected a condition after "not" at column 5', 4],
    ['a: (1 or)', 'Expected a value after "or" at column 9', 8],
    ['a: ()', 'Expected a value inside "()" at column 5', 4],
    ['()', 'Expected a condition inside "()" at column 2', 1],
    ['critical', 'Expected ":" or a comparison after "critical" at column 9', 8],
    ['a:1 and critical', 'Expected ":" or a comparison after "critical" at column 17', 16],
    [': x', 'Expected a field name before ":" at column 1', 0],
    ['a:"x', 'Unterminated quoted string at column 3', 2],
    ["a:'x", 'Unterminated quoted string at column 3', 2],
    ['a:1 b:2', 'Unexpected ":" at column 6', 5],
    ['a:1)', 'Unexpected ")" at column 4', 3],
    [')', 'Unexpected ")" at column 1', 0],
    ['a: {b: 1}', 'Nested field queries ("{ }") are not supported at column 4', 3],
    ['a: x\\', 'Nothing to escape after "\\" at column 5', 4],
  ])('%j fails: %s', (query, message, offset) => {
    let thrown: unknown;
    try {
      parseKql(query);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KqlSyntaxError);
    expect((thrown as KqlSyntaxError).message).toBe(message);
    expect((thrown as KqlSyntaxError).offset).toBe(offset);
    expect(findKqlError(query)).toEqual({ message, offset });
  });

  it('findKqlError returns undefined for a valid query', () => {
    expect(findKqlError('a:1 and not b: (x or y)')).toBeUndefined();
  });
});
