import { expectStepFailure, runDataStep } from '../data_common/data_steps.mocks';

const alerts = [
  { id: 1, host: { name: 'web-1' }, user: 'ann' },
  { id: 2, host: { name: 'web-2' }, user: 'ann' },
  { id: 3, host: { name: 'web-1' }, user: 'bob' },
  { id: 4, host: { name: 'web-1' }, user: 'ann' },
];
const ids = (output: unknown) => (output as Array<{ id: number }>).map((alert) => alert.id);

describe('data.dedupe', () => {
  it.each([
    ['one key, keeping the first', { keys: ['host.name'] }, [1, 2]],
    ['one key, keeping the last in its own position', { keys: ['host.name'], strategy: 'keep_last' }, [2, 4]],
    ['several keys', { keys: ['host.name', 'user'] }, [1, 2, 3]],
    ['several keys, keeping the last', { keys: ['host.name', 'user'], strategy: 'keep_last' }, [2, 3, 4]],
    ['a key most items lack (they share the null key)', { keys: ['missing'] }, [1]],
  ])('dedupes by %s', async (_case, options, expected) => {
    const { step } = await runDataStep({ type: 'data.dedupe', items: '${{ inputs.alerts }}', with: options }, { alerts });
    expect(step.status).toBe('completed');
    expect(ids(step.output)).toEqual(expected);
    expect(step.input).toEqual({ items: alerts, ...options });
  });

  it('compares whole items without keys, ignoring key order', async () => {
    const { step } = await runDataStep(
      { type: 'data.dedupe', items: [{ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }, { a: 1 }, 'x', 'x', null] },
      {}
    );
    expect([step.status, step.output]).toEqual(['completed', [{ a: 1, b: { c: 2, d: 3 } }, { a: 1 }, 'x', null]]);
  });

  it('reads literal dotted keys, as alert documents have them', async () => {
    const { step } = await runDataStep(
      {
        type: 'data.dedupe',
        items: [{ 'kibana.alert.rule.name': 'r1', n: 1 }, { kibana: { alert: { rule: { name: 'r1' } } }, n: 2 }, { 'kibana.alert.rule.name': 'r2', n: 3 }],
        with: { keys: ['kibana.alert.rule.name'] },
      },
      {}
    );
    expect((step.output as Array<{ n: number }>).map((alert) => alert.n)).toEqual([1, 3]);
  });

  it('fails for items that are not a list', async () => {
    await expectStepFailure(
      { type: 'data.dedupe', items: '${{ inputs.alerts[0].user }}', with: { keys: ['user'] } },
      { alerts },
      '"items" must be a list, but "${{ inputs.alerts[0].user }}" gave the string "ann"'
    );
  });
});
