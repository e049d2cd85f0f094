import { createTestEngine, workflowYaml } from '../../engine/engine_test_utils';
import { expectStepFailure, runDataStep } from '../data_common/data_steps.mocks';

const alerts = [
  { host: { name: 'web-1' }, severity: 'high', tags: ['a', 'b'] },
  { host: { name: 'db-1' }, severity: 'low', tags: [] },
];

describe('data.map', () => {
  it('builds fields for every item, with item, index and the run scope, and records the fields as written', async () => {
    const fields = {
      host: '${{ item.host.name }}',
      position: '${{ index }}',
      label: '{{ index }}: {{ item.severity | upcase }} for {{ inputs.team }}',
      tagCount: '${{ item.tags | size }}',
      missing: '${{ item.nothing }}',
      constant: 7,
      nested: { tags: '${{ item.tags }}' },
    };
    const { step } = await runDataStep({ type: 'data.map', items: '${{ inputs.alerts }}', with: { fields } }, { alerts, team: 'soc' });
    expect(step.status).toBe('completed');
    expect(step.input).toEqual({ items: alerts, fields });
    expect(step.output).toEqual([
      { host: 'web-1', position: 0, label: '0: HIGH for soc', tagCount: 2, missing: null, constant: 7, nested: { tags: ['a', 'b'] } },
      { host: 'db-1', position: 1, label: '1: LOW for soc', tagCount: 0, missing: null, constant: 7, nested: { tags: [] } },
    ]);
  });

  it('maps an object as one item into one object, as Elastic integration workflows do', async () => {
    const { step } = await runDataStep(
      { type: 'data.map', items: '${{ inputs.event }}', with: { fields: { id: '${{ item.id }}', index: '${{ index }}' } } },
      { event: { id: 'e1', extra: true } }
    );
    expect([step.status, step.output]).toEqual(['completed', { id: 'e1', index: null }]);
  });

  it('maps nested lists with $map, binding the alias and index, shadowing outer names, keeping absent lists null', async () => {
    const { run } = createTestEngine();
    const { steps } = await run(
      workflowYaml(`  - name: step
    type: data.map
    items: \${{ inputs.response }}
    with:
      fields:
        next: "\${{ item.nextPageToken }}"
        events:
          $map: { items: "\${{ item.items }}", item: "event" }
          id: "\${{ event.id }}"
          position: "\${{ index }}"
          attendees:
            $map: { items: "\${{ event.attendees }}", item: "att" }
            email: "\${{ att.email }}"
            of: "\${{ event.id }}"
        first:
          $map: { items: "\${{ item.items[0] }}" }
          id: "\${{ item.id }}"
`),
      {
        inputs: {
          response: {
            nextPageToken: 'p2',
            items: [{ id: 'e1', attendees: [{ email: 'a@x' }, { email: 'b@x' }] }, { id: 'e2' }],
          },
        },
      }
    );
    expect(steps.map((s) => [s.status, s.output])).toEqual([
      [
        'completed',
        {
          next: 'p2',
          events: [
            { id: 'e1', position: 0, attendees: [{ email: 'a@x', of: 'e1' }, { email: 'b@x', of: 'e1' }] },
            { id: 'e2', position: 1, attendees: null },
          ],
          first: { id: 'e1' },
        },
      ],
    ]);
  });

  it.each([
    [
      'items that are text',
      { items: '${{ inputs.host }}', with: { fields: { a: 1 } } },
      '"items" must be a list or an object, but "${{ inputs.host }}" gave the string "web-1"',
    ],
    [
      'items that give nothing',
      { items: '${{ steps.earlier.output }}', with: { fields: { a: 1 } } },
      '"items" must be a list or an object, but "${{ steps.earlier.output }}" gave nothing',
    ],
    [
      'a $map over text, naming the item',
      { items: '${{ inputs.alerts }}', with: { fields: { t: { $map: { items: '${{ item.severity }}' }, x: 1 } } } },
      '"fields" failed for item 0: "$map.items" must be a list or an object, but "${{ item.severity }}" gave the string "high"',
    ],
    [
      'a $map without items',
      { items: '${{ inputs.alerts }}', with: { fields: { t: { $map: '${{ item.tags }}', x: 1 } } } },
      '"fields" failed for item 0: "$map" must look like { items: "${{ item.tags }}", item: tag }, but it is "${{ item.tags }}"',
    ],
  ])('fails for %s', async (_case, fields, message) => {
    await expectStepFailure({ type: 'data.map', ...fields }, { alerts, host: 'web-1' }, message);
  });
});
