/** Control-flow step kinds through the real engine: exact step order, outputs and statuses. */
import { createTestEngine, workflowYaml as workflow } from '../engine/engine_test_utils';
import { NESTED_TRIAGE_INPUTS, NESTED_TRIAGE_OUTPUTS, NESTED_TRIAGE_STEPS } from './control_flow.mocks';

const paths = (steps: Array<{ path: string; status: string }>) => steps.map((s) => `${s.path}:${s.status}`);

describe('control flow', () => {
  it.each([
    ['phishing', ['route:completed', 'mail:completed']],
    ['malware', ['route:completed', 'isolate:completed']],
    ['ransomware', ['route:completed', 'isolate:completed']],
    ['other', ['route:completed', 'triage:completed']],
  ])('switch routes %s', async (kind, expected) => {
    const { steps } = await createTestEngine().run(
      workflow(`  - name: route
    type: switch
    expression: "{{ inputs.kind }}"
    cases:
      - match: phishing
        steps:
          - { name: mail, type: console, with: { message: mail } }
      - match: [malware, ransomware]
        steps:
          - { name: isolate, type: console, with: { message: isolate } }
    default:
      - { name: triage, type: console, with: { message: triage } }
`),
      { inputs: { kind } }
    );
    expect(paths(steps)).toEqual(expected);
  });

  it('while repeats until the condition is false', async () => {
    const { steps, execution } = await createTestEngine().run(
      workflow(`  - name: init
    type: data.set
    with: { n: 0 }
  - name: loop
    type: while
    condition: "variables.n < 3"
    steps:
      - name: bump
        type: data.set
        with:
          n: "\${{ variables.n | plus: 1 }}"
`)
    );
    expect(execution.status).toBe('completed');
    expect(steps.map((s) => [s.path, s.output])).toEqual([
      ['init', { n: 0 }],
      ['loop', { iterations: 3, limitReached: false }],
      ['loop[0]>bump', { n: 1 }],
      ['loop[1]>bump', { n: 2 }],
      ['loop[2]>bump', { n: 3 }],
    ]);
  });

  it.each([
    ['fail', 'failed'],
    ['continue', 'completed'],
  ])('while with on-limit %s', async (onLimit, status) => {
    const { execution, steps } = await createTestEngine().run(
      workflow(`  - name: loop
    type: while
    condition: "true"
    max-iterations: 2
    on-limit: ${onLimit}
    steps:
      - { name: tick, type: console, with: { message: tick } }
`)
    );
    expect(execution.status).toBe(status);
    expect(steps.filter((s) => s.stepName === 'tick')).toHaveLength(2);
    if (status === 'failed') expect(execution.error?.message).toBe('Step "loop" failed: "while" stopped after 2 iterations (max-iterations) with its condition still true');
  });

  it('loop.break and loop.continue act on the innermost loop', async () => {
    const { steps } = await createTestEngine().run(
      workflow(`  - name: each
    type: foreach
    foreach: '[1, 2, 3, 4]'
    steps:
      - name: skip_two
        type: if
        condition: "foreach.item : 2"
        steps:
          - { name: next, type: loop.continue }
      - name: stop_at_four
        type: if
        condition: "foreach.item : 4"
        steps:
          - { name: stop, type: loop.break }
      - name: show
        type: console
        with: { message: "item {{ foreach.item }}" }
`)
    );
    expect(steps.filter((s) => s.stepName === 'show').map((s) => s.output)).toEqual(['item 1', 'item 3']);
    expect(steps.find((s) => s.stepName === 'each')?.output).toEqual({ total: 4, iterations: 4 });
    expect(steps.filter((s) => s.stepType.startsWith('loop.')).map((s) => [s.path, s.status])).toEqual([
      ['each[1]>next', 'completed'],
      ['each[3]>stop', 'completed'],
    ]);
  });

  it('parallel runs branches concurrently and merge joins them', async () => {
    const { steps, execution } = await createTestEngine({ now: () => new Date() }).run(
      workflow(`  - name: fan_out
    type: parallel
    branches:
      - name: left
        steps:
          - { name: wait_left, type: wait, with: { duration: 40ms } }
          - { name: left_result, type: data.set, with: { side: left } }
      - name: right
        steps:
          - { name: wait_right, type: wait, with: { duration: 40ms } }
          - { name: right_result, type: data.set, with: { side: right } }
  - name: join
    type: merge
    sources: [left, right_result]
`)
    );
    expect(execution.status).toBe('completed');
    // The two waits overlapped in time: each started before the other finished.
    const [left, right] = ['wait_left', 'wait_right'].map((name) => steps.find((s) => s.path === name)!);
    expect(Date.parse(left.startedAt!)).toBeLessThan(Date.parse(right.finishedAt!));
    expect(Date.parse(right.startedAt!)).toBeLessThan(Date.parse(left.finishedAt!));
    expect(steps.find((s) => s.path === 'fan_out')?.output).toEqual({ left: { side: 'left' }, right: { side: 'right' } });
    expect(steps.find((s) => s.path === 'join')?.output).toEqual({ left: { side: 'left' }, right_result: { side: 'right' } });
  });

  it('parallel fails after every branch ended when one branch fails', async () => {
    const { steps, execution } = await createTestEngine().run(
      workflow(`  - name: fan_out
    type: parallel
    branches:
      - name: bad
        steps:
          - { name: boom, type: workflow.fail, with: { message: "branch failed" } }
      - name: good
        steps:
          - { name: wait_good, type: wait, with: { duration: 10ms } }
          - { name: done, type: console, with: { message: done } }
`)
    );
    expect(execution).toMatchObject({ status: 'failed', error: { message: 'branch failed' } });
    expect(steps.find((s) => s.path === 'done')?.status).toBe('completed');
  });

  it('workflow.output sets the run output and workflow.fail ends the run with its message', async () => {
    const done = await createTestEngine().run(
      workflow(`  - { name: out, type: workflow.output, with: { verdict: "benign", score: 3 } }\n`)
    );
    expect(done.execution).toMatchObject({ status: 'completed', output: { verdict: 'benign', score: 3 } });

    const failed = await createTestEngine().run(
      workflow(`  - { name: stop, type: workflow.fail, with: { message: "No owner for {{ inputs.host }}" } }\n  - { name: never, type: console, with: { message: x } }\n`)
    );
    expect(failed.execution).toMatchObject({ status: 'failed', error: { message: 'No owner for web-1', type: 'WorkflowFailedError' } });
    expect(paths(failed.steps)).toEqual(['stop:failed']);
  });

  it('runs a 3-level nested foreach / if / switch', async () => {
    const { steps, execution } = await createTestEngine().run(workflow(NESTED_TRIAGE_STEPS), { inputs: NESTED_TRIAGE_INPUTS });
    expect(execution.status).toBe('completed');
    expect(steps.filter((s) => s.stepType === 'console').map((s) => [s.path, s.output])).toEqual(NESTED_TRIAGE_OUTPUTS);
  });

  it('resumes a parked run inside a loop at the same iteration, without repeating finished items', async () => {
    const test = createTestEngine();
    const first = await test.run(
      workflow(`  - name: each
    type: foreach
    foreach: '["a","b"]'
    steps:
      - { name: show, type: console, with: { message: "{{ foreach.item }}" } }
      - { name: pause, type: wait, with: { duration: 1h } }
`)
    );
    expect(first.execution.status).toBe('waiting');
    test.clock.now = new Date(test.clock.now.getTime() + 3_600_001);
    await test.engine.runExecution('default', 'ex-1', new AbortController().signal);
    const second = await test.read();
    expect(second.execution.status).toBe('waiting');
    test.clock.now = new Date(test.clock.now.getTime() + 3_600_001);
    await test.engine.runExecution('default', 'ex-1', new AbortController().signal);
    const done = await test.read();
    expect(done.execution.status).toBe('completed');
    expect(done.steps.map((s) => `${s.path}:${s.attempt}`)).toEqual(['each:1', 'each[0]>show:1', 'each[0]>pause:1', 'each[1]>show:1', 'each[1]>pause:1']);
  });
});

describe('foreach on a step', () => {
  it('runs the step once per item, checks its if per item, and outputs the list of outputs', async () => {
    const { steps, execution } = await createTestEngine().run(
      workflow(`  - name: greet
    type: console
    foreach: '["ann", "bob", "cy"]'
    if: "not foreach.item : bob"
    with: { message: "hi {{ foreach.item }}" }
  - name: after
    type: console
    with: { message: "{{ steps.greet.output | size }} results" }
`)
    );
    expect(execution.status).toBe('completed');
    expect(steps.map((s) => [s.path, s.status, s.output])).toEqual([
      ['greet', 'completed', ['hi ann', null, 'hi cy']],
      ['greet[0]>greet', 'completed', 'hi ann'],
      ['greet[1]>greet', 'skipped', null],
      ['greet[2]>greet', 'completed', 'hi cy'],
      ['after', 'completed', '3 results'],
    ]);
  });
});
