import { evaluateCondition, isConditionTruthy } from '.';
import { findKqlError, KqlSyntaxError } from '../kql';
import { KQL_CONTEXT } from '../kql/kql.mocks';
import { createTemplateEngine, matchWholeExpression, TemplateError } from '../templating';
import { collectCorpusStrings } from '../templating/corpus.mocks';

const engine = createTemplateEngine();
const context: Record<string, unknown> = {
  ...KQL_CONTEXT,
  inputs: { ...KQL_CONTEXT.inputs, resourceType: 'page', flag: 'false', team_id: 'T1' },
};

describe('evaluateCondition', () => {
  it.each<[string, string | boolean | undefined, boolean]>([
    ['no condition runs the step', undefined, true],
    ['true passes through', true, true],
    ['false passes through', false, false],
    ['KQL', 'steps.check.output.severity: critical', true],
    ['KQL that does not match', 'steps.check.output.severity: low', false],
    ['a ${{ }} comparison', "${{ inputs.resourceType == 'page' }}", true],
    ['a ${{ }} comparison that fails', "${{ inputs.resourceType == 'issue' }}", false],
    ['a ${{ }} with and', "${{ inputs.resourceType == 'page' and inputs.team_id }}", true],
    ['a ${{ }} with and on a missing value', "${{ inputs.resourceType == 'page' and inputs.chat_id }}", false],
    ['a ${{ }} boolean', '${{steps.get_index.output}}', true],
    ['a ${{ }} of the string "false"', '${{ inputs.flag }}', false],
    ['a ${{ }} of a missing value', '${{ inputs.missing }}', false],
    ['a ${{ }} of a number', '${{ variables.suspicious_count }}', true],
    ['a ${{ }} of a filter result', '${{ variables.empty | size }}', false],
    ['{{ }} rendering "true" becomes KQL true', '{{ steps.get_index.output }}', true],
    ['{{ }} rendering "false" becomes KQL false', '{{ inputs.flag }}', false],
    ['{{ }} spliced into a query', 'steps.check.output.severity: {{ steps.check.output.severity }}', true],
    ['{% %} tags are rendered first', '{% if inputs.team_id %}true{% else %}false{% endif %}', true],
  ])('%s', (_label, condition, expected) => {
    expect(evaluateCondition(condition, context, engine)).toBe(expected);
  });

  it.each<[unknown, boolean]>([
    [false, false],
    [null, false],
    [undefined, false],
    [0, false],
    [Number.NaN, false],
    ['', false],
    ['  FALSE ', false],
    [true, true],
    [1, true],
    ['no', true],
    ['0', true],
    [[], true],
    [{}, true],
  ])('isConditionTruthy(%j) is %s', (value, expected) => {
    expect(isConditionTruthy(value)).toBe(expected);
  });

  it('throws the author-facing error classes', () => {
    expect(() => evaluateCondition('severity:', context, engine)).toThrow(
      new KqlSyntaxError('Expected a value after ":"', 9)
    );
    expect(() => evaluateCondition('${{ x | shout }}', context, engine)).toThrow(TemplateError);
    expect(() => evaluateCondition('{{ inputs.missing }}', context, engine)).toThrow(
      'Expected a condition but the query is empty at column 1'
    );
    expect(() => evaluateCondition('{{ x | shout }}: a', context, engine)).toThrow(
      'Unknown filter "shout" in "{{ x | shout }}"'
    );
  });
});

describe('corpus conditions', () => {
  const conditions = collectCorpusStrings().filter(({ key }) => key === 'condition' || key === 'if');
  const liquid = conditions.filter(({ value }) => matchWholeExpression(value));
  const kql = conditions.filter(({ value }) => !matchWholeExpression(value));

  it('finds every condition of the corpus', () => {
    expect([liquid.length, kql.length]).toEqual([77, 65]);
  });

  it('parses every KQL condition', () => {
    const failures = kql.map(({ file, value }) => ({ file, value, error: findKqlError(value) })).filter((f) => f.error);
    expect(failures).toEqual([]);
  });

  it('evaluates every condition against a context without throwing', () => {
    const failures: Array<{ file: string; value: string; error: string }> = [];
    for (const { file, value } of conditions) {
      try {
        expect(typeof evaluateCondition(value, { inputs: {}, steps: {}, consts: {} }, engine)).toBe('boolean');
      } catch (error) {
        failures.push({ file, value, error: String(error) });
      }
    }
    expect(failures).toEqual([]);
  });
});
