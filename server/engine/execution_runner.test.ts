import { aStepExecution, anExecution } from '../storage/store_contract';
import { createTestEngine, workflowYaml as workflow } from './engine_test_utils';

const setup = () => createTestEngine();

describe('ExecutionRunner', () => {
  it('renders templates over inputs, consts and earlier outputs, and records each step', async () => {
    const { run } = setup();
    const { outcome, execution, steps } = await run(
      workflow(
        `  - name: remember
    type: data.set
    with:
      greeting: "Hello {{ inputs.host }}"
      count: \${{ consts.limit }}
  - name: print
    type: console
    with:
      message: "{{ variables.greeting }} x{{ variables.count | plus: 1 }} / {{ steps.remember.output.greeting }}"
`,
        'consts:\n  limit: 2\n'
      )
    );
    expect(outcome).toMatchObject({ status: 'completed' });
    expect(execution.status).toBe('completed');
    expect(execution.finishedAt).not.toBeNull();
    expect(steps.map((s) => [s.path, s.status, s.output])).toEqual([
      ['remember', 'completed', { greeting: 'Hello web-1', count: 2 }],
      ['print', 'completed', 'Hello web-1 x3 / Hello web-1'],
    ]);
    expect(steps[1].input).toEqual({ message: 'Hello web-1 x3 / Hello web-1' });
  });

  it.each([
    ['critical', 'page'],
    ['low', 'ticket'],
  ])('takes the if branch for severity %s', async (severity, expected) => {
    const { run } = setup();
    const { steps } = await run(
      workflow(`  - name: check
    type: if
    condition: "inputs.severity : critical"
    steps:
      - name: page
        type: console
        with: { message: paging }
    else:
      - name: ticket
        type: console
        with: { message: ticket }
`),
      { inputs: { severity } }
    );
    expect(steps.map((s) => s.path)).toEqual(['check', expected]);
    expect(steps[0].output).toEqual({ conditionResult: expected === 'page' });
  });

  it('runs a foreach once per item with foreach.item and index, one record per item', async () => {
    const { run } = setup();
    const { steps, execution } = await run(
      workflow(`  - name: loop
    type: foreach
    foreach: "{{ inputs.hosts }}"
    steps:
      - name: print
        type: console
        with:
          message: "{{ foreach.index }}/{{ foreach.total }} {{ foreach.item.name }}"
`),
      { inputs: { hosts: [{ name: 'a' }, { name: 'b' }] } }
    );
    expect(execution.status).toBe('completed');
    expect(steps.map((s) => [s.path, s.output])).toEqual([
      ['loop', { total: 2, iterations: 2 }],
      ['loop[0]>print', '0/2 a'],
      ['loop[1]>print', '1/2 b'],
    ]);
  });

  it('skips a step whose if guard is false', async () => {
    const { run } = setup();
    const { steps } = await run(workflow(`  - name: maybe\n    type: console\n    if: "inputs.host : db-*"\n    with: { message: x }\n`));
    expect(steps.map((s) => [s.path, s.status])).toEqual([['maybe', 'skipped']]);
  });

  it('fails the run with a message naming the step, and stops there', async () => {
    const { run } = setup();
    const { execution, steps } = await run(
      workflow(`  - name: loop
    type: foreach
    foreach: "{{ inputs.host }}"
    steps:
      - name: print
        type: console
        with: { message: x }
  - name: after
    type: console
    with: { message: never }
`)
    );
    expect(execution.status).toBe('failed');
    expect(execution.error?.message).toBe('Step "loop" failed: "foreach" must give a list, but "{{ inputs.host }}" gave the text "web-1"');
    expect(steps.map((s) => [s.path, s.status])).toEqual([['loop', 'failed']]);
  });

  it('continues after a failed step that has on-failure continue', async () => {
    const { run } = setup();
    const { execution, steps } = await run(
      workflow(`  - name: bad
    type: foreach
    foreach: "{{ inputs.host }}"
    on-failure:
      continue: true
    steps:
      - name: print
        type: console
        with: { message: x }
  - name: after
    type: console
    with:
      message: "after {{ steps.bad.error.message | size }}"
`)
    );
    expect(execution.status).toBe('completed');
    expect(steps.map((s) => [s.path, s.status])).toEqual([['bad', 'failed'], ['after', 'completed']]);
    expect(steps[1].output).not.toBe('after 0');
  });

  it('parks on a long wait and resumes later without repeating finished steps', async () => {
    const { run, engine, read, clock } = setup();
    const first = await run(
      workflow(`  - name: before
    type: data.set
    with: { marker: "{{ execution.id }}" }
  - name: pause
    type: wait
    with: { duration: 4h }
  - name: after
    type: console
    with:
      message: "resumed {{ variables.marker }}"
`)
    );
    expect(first.outcome).toEqual({ status: 'waiting', resumeAt: new Date('2026-03-01T14:00:00.000Z') });
    expect(first.execution).toMatchObject({ status: 'waiting', resumeAt: '2026-03-01T14:00:00.000Z' });
    expect(first.steps.map((s) => [s.path, s.status])).toEqual([['before', 'completed'], ['pause', 'waiting']]);

    clock.now = new Date('2026-03-01T14:00:01.000Z');
    expect(await engine.runExecution('default', 'ex-1', new AbortController().signal)).toMatchObject({ status: 'completed' });
    const second = await read();
    expect(second.execution.status).toBe('completed');
    expect(second.steps.map((s) => [s.path, s.status, s.attempt])).toEqual([
      ['before', 'completed', 1],
      ['pause', 'completed', 1],
      ['after', 'completed', 1],
    ]);
    expect(second.steps[0].finishedAt).toBe(first.steps[0].finishedAt);
    expect(second.steps[2].output).toBe('resumed ex-1');
  });

  it('restores recorded outputs of finished steps instead of running them again', async () => {
    const { store, engine, read } = setup();
    await store.createExecution(anExecution({
      yaml: workflow(`  - name: print\n    type: console\n    with: { message: fresh }\n  - name: echo\n    type: console\n    with:\n      message: "echo {{ steps.print.output }}"\n`),
      status: 'running',
    }));
    await store.saveStepExecution(aStepExecution({ id: 'done', path: 'print', stepName: 'print', output: 'recorded' }));
    await engine.runExecution('default', 'ex-1', new AbortController().signal);
    const { steps } = await read();
    expect(steps.map((s) => [s.id === 'done' ? 'kept' : 'new', s.path, s.output])).toEqual([
      ['kept', 'print', 'recorded'],
      ['new', 'echo', 'echo recorded'],
    ]);
  });

  it('does nothing for an execution that already finished', async () => {
    const { store, engine } = setup();
    await store.createExecution(anExecution({ status: 'completed' }));
    expect(await engine.runExecution('default', 'ex-1', new AbortController().signal)).toBeUndefined();
  });

  it('fails a run whose YAML is not valid, with line and column', async () => {
    const { run } = setup();
    const { execution } = await run('name: x\ntriggers:\n  - type: manual\nsteps:\n  - name: a\n    type: console\n    with: { message: [\n');
    expect(execution.status).toBe('failed');
    expect(execution.error?.message).toMatch(/^The workflow is not valid: line \d+, column \d+: /);
  });
});
