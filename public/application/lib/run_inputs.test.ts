import { declaredInputs, parseJsonObject } from './run_inputs';

describe('declaredInputs', () => {
  it.each([
    [
      'the manual trigger, listed',
      'triggers:\n  - type: manual\n    inputs:\n      - { name: host, type: string, default: web-1 }\n      - { name: force, type: boolean }\n',
      { names: ['host', 'force'], defaults: { host: 'web-1' } },
    ],
    [
      'the manual trigger, as JSON Schema',
      'triggers:\n  - type: manual\n    inputs:\n      properties:\n        count: { type: number, default: 3 }\n        tags: { type: array }\n',
      { names: ['count', 'tags'], defaults: { count: 3 } },
    ],
    [
      'top-level inputs, which win over the trigger',
      'inputs:\n  - { name: a, type: string, default: top }\ntriggers:\n  - type: manual\n    inputs:\n      - { name: b, type: string, default: trigger }\n',
      { names: ['a'], defaults: { a: 'top' } },
    ],
    ['no inputs', 'triggers:\n  - type: scheduled\n    with: { every: 5m }\n', { names: [], defaults: {} }],
    ['YAML that does not parse', 'triggers: [\n', { names: [], defaults: {} }],
  ])('reads %s', (_label, yaml, expected) => {
    expect(declaredInputs(yaml)).toEqual(expected);
  });
});

describe('parseJsonObject', () => {
  it('takes empty text as an empty object', () => {
    expect(parseJsonObject('  ')).toEqual({ value: {} });
  });

  it('parses an object', () => {
    expect(parseJsonObject('{"host": "web-1"}')).toEqual({ value: { host: 'web-1' } });
  });

  it.each([['[1]'], ['"web-1"'], ['null']])('refuses %s, which is not an object', (text) => {
    expect(parseJsonObject(text)).toEqual({ error: 'Expected a JSON object, like {"host": "web-1"}' });
  });

  it("says why JSON is invalid, in the parser's words", () => {
    expect(parseJsonObject('{"host": }').error).toMatch(/^Not valid JSON: Unexpected token/);
  });
});
