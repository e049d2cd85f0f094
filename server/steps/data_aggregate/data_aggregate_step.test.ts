import { expectStepFailure, runDataStep } from '../data_common/data_steps.mocks';

const events = [
  { host: { name: 'web-1' }, user: 'ann', bytes: 100, at: '2026-03-01T10:00:00Z' },
  { host: { name: 'web-2' }, user: 'ann', bytes: '50', at: '2026-03-01T09:00:00Z' },
  { host: { name: 'web-1' }, user: 'bob', bytes: 300, at: '2026-03-01T11:00:00Z' },
  { host: { name: 'web-1' }, user: 'ann', at: '2026-03-01T08:00:00Z' },
];
const metrics = [
  { name: 'events', operation: 'count' },
  { name: 'withBytes', operation: 'count', field: 'bytes' },
  { name: 'total', operation: 'sum', field: 'bytes' },
  { name: 'average', operation: 'avg', field: 'bytes' },
  { name: 'smallest', operation: 'min', field: 'bytes' },
  { name: 'first', operation: 'min', field: 'at' },
  { name: 'last', operation: 'max', field: 'at' },
];

describe('data.aggregate', () => {
  it('groups by a field in order of first appearance, with every metric, numeric strings counted as numbers', async () => {
    const { step } = await runDataStep({ type: 'data.aggregate', items: '${{ inputs.events }}', with: { group_by: ['host.name'], metrics } }, { events });
    expect(step.status).toBe('completed');
    expect(step.input).toEqual({ items: events, group_by: ['host.name'], metrics });
    expect(step.output).toEqual([
      { host: { name: 'web-1' }, events: 3, withBytes: 2, total: 400, average: 200, smallest: 100, first: '2026-03-01T08:00:00Z', last: '2026-03-01T11:00:00Z' },
      { host: { name: 'web-2' }, events: 1, withBytes: 1, total: 50, average: 50, smallest: 50, first: '2026-03-01T09:00:00Z', last: '2026-03-01T09:00:00Z' },
    ]);
  });

  it.each([
    ['several fields', ['host.name', 'user'], [
      { host: { name: 'web-1' }, user: 'ann', n: 2 },
      { host: { name: 'web-2' }, user: 'ann', n: 1 },
      { host: { name: 'web-1' }, user: 'bob', n: 1 },
    ]],
    ['a field some items lack (null)', ['bytes'], [
      { bytes: 100, n: 1 },
      { bytes: '50', n: 1 },
      { bytes: 300, n: 1 },
      { bytes: null, n: 1 },
    ]],
    ['nothing: one group of every item', undefined, [{ n: 4 }]],
  ])('groups by %s', async (_case, groupBy, expected) => {
    const options = { ...(groupBy ? { group_by: groupBy } : {}), metrics: [{ name: 'n', operation: 'count' }] };
    const { step } = await runDataStep({ type: 'data.aggregate', items: '${{ inputs.events }}', with: options }, { events });
    expect([step.status, step.output]).toEqual(['completed', expected]);
  });

  it.each([
    ['without group_by, one empty group', undefined, [{ events: 0, withBytes: 0, total: 0, average: null, smallest: null, first: null, last: null }]],
    ['with group_by, no group', ['host.name'], []],
  ])('aggregates an empty list %s', async (_case, groupBy, expected) => {
    const { step } = await runDataStep({ type: 'data.aggregate', items: [], with: { ...(groupBy ? { group_by: groupBy } : {}), metrics } }, {});
    expect([step.status, step.output]).toEqual(['completed', expected]);
  });

  it.each([
    ['a sum of text', [{ name: 'total', operation: 'sum', field: 'user' }], undefined, 'Metric "total" (sum of user) needs numbers, but item 0 has the string "ann"'],
    ['a max of numbers and text', [{ name: 'top', operation: 'max', field: 'mixed' }], undefined, 'Metric "top" (max of mixed) needs all numbers or all strings, but item 0 has the number 1'],
    ['an avg of objects', [{ name: 'avg', operation: 'avg', field: 'host' }], undefined, 'Metric "avg" (avg of host) needs numbers, but item 0 has an object'],
    ['a sum without a field', [{ name: 'total', operation: 'sum' }], undefined, 'Metric "total" needs a "field" to sum'],
    ['two metrics of one name', [{ name: 'n', operation: 'count' }, { name: 'n', operation: 'max', field: 'bytes' }], undefined, 'Two metrics are named "n"'],
    ['a metric named like a group', [{ name: 'host', operation: 'count' }], ['host.name'], 'Metric "host" has the name of the group_by field "host.name"'],
  ])('fails for %s', async (_case, failing, groupBy, message) => {
    const items = [{ host: { name: 'a' }, user: 'ann', mixed: 1 }, { host: { name: 'b' }, mixed: 'x' }];
    await expectStepFailure({ type: 'data.aggregate', items, with: { ...(groupBy ? { group_by: groupBy } : {}), metrics: failing } }, {}, message);
  });

  it('fails for items that are not a list', async () => {
    await expectStepFailure(
      { type: 'data.aggregate', items: '${{ inputs.events | size }}', with: { metrics: [{ name: 'n', operation: 'count' }] } },
      { events },
      '"items" must be a list, but "${{ inputs.events | size }}" gave the number 4'
    );
  });
});
