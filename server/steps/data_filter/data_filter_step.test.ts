import { expectStepFailure, runDataStep } from '../data_common/data_steps.mocks';

const alerts = [
  { id: 'a1', severity: 'critical', score: 9, host: { name: 'web-1' } },
  { id: 'a2', severity: 'low', score: 2, host: { name: 'web-2' } },
  { id: 'a3', severity: 'critical', score: 7, host: { name: 'db-1' } },
];
const ids = (output: unknown) => (output as Array<{ id: string }>).map((alert) => alert.id);

describe('data.filter', () => {
  it.each([
    ['a KQL condition on item', { condition: 'item.severity : critical' }, ['a1', 'a3']],
    ['a KQL range and wildcard', { condition: 'item.score >= 5 and item.host.name : web-*' }, ['a1']],
    ['a ${{ }} expression', { condition: '${{ item.score > 5 }}' }, ['a1', 'a3']],
    ['the index', { condition: '${{ index > 0 }}' }, ['a2', 'a3']],
    ['the run scope beside item', { condition: '${{ item.host.name == inputs.host }}' }, ['a2']],
    ['a template spliced into KQL', { condition: 'item.severity : "{{ inputs.level }}"' }, ['a2']],
    ['a limit', { condition: 'item.severity : critical', limit: 1 }, ['a1']],
    ['no match', { condition: 'item.severity : medium' }, []],
  ])('keeps the items that match %s', async (_case, options, expected) => {
    const { step } = await runDataStep({ type: 'data.filter', items: '${{ inputs.alerts }}', with: options }, { alerts, host: 'web-2', level: 'low' });
    expect(step.status).toBe('completed');
    expect(ids(step.output)).toEqual(expected);
  });

  it('records the rendered items and the condition as written', async () => {
    const { step } = await runDataStep(
      { type: 'data.filter', items: '${{ inputs.alerts }}', with: { condition: 'item.severity : "{{ inputs.level }}"', limit: 2 } },
      { alerts, level: 'low' }
    );
    expect(step.input).toEqual({ items: alerts, condition: 'item.severity : "{{ inputs.level }}"', limit: 2 });
    expect(step.output).toEqual([alerts[1]]);
  });

  it.each([
    ['items that are an object', { items: '${{ inputs.alerts[0] }}' }, '"items" must be a list, but "${{ inputs.alerts[0] }}" gave an object'],
    ['items that are a number', { items: 42 }, '"items" must be a list, but 42 gave the number 42'],
    [
      'a condition that renders to bad KQL for one item',
      { items: [{ query: 'item.query : *' }, { query: 'item.query :' }], with: { condition: '{{ item.query }}' } },
      '"condition" failed for item 1: Expected a value after ":" at column 13',
    ],
  ])('fails for %s', async (_case, fields, message) => {
    await expectStepFailure({ type: 'data.filter', with: { condition: 'item.severity : critical' }, ...fields }, { alerts }, message);
  });
});
