import { expectStepFailure, runDataStep } from '../data_common/data_steps.mocks';

const users = [
  { name: 'ann', role: 'viewer' },
  { name: 'bob', role: 'admin' },
  { name: 'cid', role: 'admin' },
];

describe('data.find', () => {
  it.each([
    ['the first match and its index', 'item.role : admin', { item: users[1], index: 1 }],
    ['a match by ${{ }} and the run scope', '${{ item.name == inputs.who }}', { item: users[2], index: 2 }],
    ['null item and index when nothing matches', 'item.role : owner', { item: null, index: null }],
  ])('returns %s', async (_case, condition, expected) => {
    const { step } = await runDataStep({ type: 'data.find', items: '${{ inputs.users }}', with: { condition } }, { users, who: 'cid' });
    expect([step.status, step.output]).toEqual(['completed', expected]);
    expect(step.input).toEqual({ items: users, condition });
  });

  it('stops at the first match: later items are not evaluated', async () => {
    const { step } = await runDataStep(
      { type: 'data.find', items: [{ q: 'item.q : *' }, { q: 'not valid :' }], with: { condition: '{{ item.q }}' } },
      {}
    );
    expect([step.status, step.output]).toEqual(['completed', { item: { q: 'item.q : *' }, index: 0 }]);
  });

  it.each([
    ['items that are text', '${{ inputs.who }}', '"items" must be a list, but "${{ inputs.who }}" gave the string "cid"'],
    ['items that give nothing', '${{ inputs.nobody }}', '"items" must be a list, but "${{ inputs.nobody }}" gave nothing'],
  ])('fails for %s', async (_case, items, message) => {
    await expectStepFailure({ type: 'data.find', items, with: { condition: 'item.role : admin' } }, { users, who: 'cid' }, message);
  });
});
