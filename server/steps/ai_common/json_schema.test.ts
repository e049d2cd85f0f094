import { firstViolation } from './json_schema';

const verdict = {
  type: 'object',
  required: ['severity', 'hosts'],
  additionalProperties: false,
  properties: {
    severity: { type: 'string', enum: ['low', 'medium', 'high'] },
    score: { type: 'number', minimum: 0, maximum: 1 },
    count: { type: 'integer' },
    hosts: { type: 'array', minItems: 1, items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
    'rule-id': { type: ['string', 'null'] },
    tags: { type: 'object', additionalProperties: { type: 'string' } },
    kind: { const: 'verdict' },
  },
};
const ok = { severity: 'high', hosts: [{ name: 'web-1' }] };

describe('firstViolation', () => {
  it.each([
    [ok, undefined],
    [{ ...ok, score: 0.5, count: 3, 'rule-id': null, tags: { a: 'b' }, kind: 'verdict', hosts: [{ name: 'a', extra: 1 }] }, undefined],
    ['high', 'at "$": expected object, got string'],
    [{ hosts: [] }, 'at "$.severity": required property is missing'],
    [{ ...ok, severity: 'urgent' }, 'at "$.severity": expected one of low, medium, high'],
    [{ ...ok, score: 2 }, 'at "$.score": expected at most 1'],
    [{ ...ok, score: -1 }, 'at "$.score": expected at least 0'],
    [{ ...ok, count: 1.5 }, 'at "$.count": expected integer, got number'],
    [{ ...ok, hosts: [] }, 'at "$.hosts": expected at least 1 item'],
    [{ ...ok, hosts: [{ name: 'a' }, { name: 7 }] }, 'at "$.hosts[1].name": expected string, got integer'],
    [{ ...ok, hosts: [{}] }, 'at "$.hosts[0].name": required property is missing'],
    [{ ...ok, 'rule-id': 3 }, `at "$['rule-id']": expected string or null, got integer`],
    [{ ...ok, tags: { a: 1 } }, 'at "$.tags.a": expected string, got integer'],
    [{ ...ok, kind: 'other' }, 'at "$.kind": expected "verdict"'],
    [{ ...ok, note: 'x' }, 'at "$.note": property not allowed by the schema'],
  ])('%j → %s', (value, expected) => {
    expect(firstViolation(value, verdict)).toBe(expected);
  });

  it('ignores keywords outside its subset instead of rejecting the value', () => {
    expect(firstViolation('abc', { type: 'string', pattern: '^x', format: 'email' })).toBeUndefined();
  });
});
