import { expectStepFailure, runDataStep } from '../data_common/data_steps.mocks';

describe('data.parseJson', () => {
  it.each([
    ['an object', '${{ inputs.text }}', { text: '{"rule_id": "r1", "proceed": true}' }, { rule_id: 'r1', proceed: true }],
    ['a number', '42', {}, 42],
    ['null', 'null', {}, null],
    [
      'JSON built by a Liquid template, as in Elastic\'s semantic-knowledge-search',
      `{% assign filters = "" | split: "" %}
{% if inputs.kind %}
  {% assign f = '{"term": {"kind": "' | append: inputs.kind | append: '"}}' %}
  {% assign filters = filters | push: f %}
{% endif %}
[{{ filters | join: "," }}]
`,
      { kind: 'runbook' },
      [{ term: { kind: 'runbook' } }],
    ],
  ])('parses %s', async (_case, source, inputs, expected) => {
    const { step } = await runDataStep({ type: 'data.parseJson', source, with: {} }, inputs);
    expect([step.status, step.output]).toEqual(['completed', expected]);
  });

  it('records the rendered source', async () => {
    const { step } = await runDataStep({ type: 'data.parseJson', source: '[{{ inputs.n }}]' }, { n: 3 });
    expect([step.input, step.output]).toEqual([{ source: '[3]' }, [3]]);
  });

  it.each([
    ['bad JSON, with line and column', '${{ inputs.text }}', { text: '{\n  "a": 1,\n}' }, '"source" is not valid JSON at line 3, column 1: expected a property name in double quotes but found "}"'],
    ['an empty text', '${{ inputs.text }}', { text: '' }, '"source" is not valid JSON at line 1, column 1: the text ends where a value was expected'],
    ['a value that is not text', '${{ inputs.obj }}', { obj: { a: 1 } }, '"source" must be a string, but "${{ inputs.obj }}" gave an object'],
  ])('fails for %s', async (_case, source, inputs, message) => {
    await expectStepFailure({ type: 'data.parseJson', source }, inputs, message);
  });
});
