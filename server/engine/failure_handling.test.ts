/** on-failure (retry, fallback, continue), step and run timeouts, cancellation, through the real engine. */
import { createTestEngine, workflowYaml as workflow } from './engine_test_utils';

const failing = (extra = '') => `  - name: flaky
    type: data.parseJson
    source: "{{ inputs.payload }}"
${extra}`;

describe('failure handling', () => {
  it('retries a failing step as many times as max-attempts, one record per attempt', async () => {
    const { run } = createTestEngine();
    const { execution, steps } = await run(workflow(failing(`    on-failure:\n      retry:\n        max-attempts: 3\n        delay: 1ms\n`)), { inputs: { payload: 'not json' } });
    expect(execution.status).toBe('failed');
    expect(steps.map((s) => [s.path, s.attempt, s.status])).toEqual([
      ['flaky', 1, 'failed'],
      ['flaky', 2, 'failed'],
      ['flaky', 3, 'failed'],
    ]);
    expect(execution.error?.message).toMatch(/^Step "flaky" failed: .*JSON/);
    expect(steps[0].error?.message).not.toContain("Unknown step type");
  });

  it('does not retry when the retry condition does not hold for the error', async () => {
    const { run } = createTestEngine();
    const { steps } = await run(
      workflow(failing(`    on-failure:\n      retry:\n        max-attempts: 3\n        delay: 1ms\n        condition: "error.details.statusCode >= 500"\n`)),
      { inputs: { payload: 'not json' } }
    );
    expect(steps.map((s) => s.attempt)).toEqual([1]);
  });

  it('runs fallback steps with the error in scope, then fails unless continue', async () => {
    const { run } = createTestEngine();
    const yaml = (cont: boolean) =>
      workflow(
        failing(`    on-failure:
      fallback:
        - name: report
          type: console
          with:
            message: "fallback saw: {{ steps.flaky.error.type }}"
      continue: ${cont}
`) + `  - name: after\n    type: console\n    with: { message: after }\n`
      );
    const failed = await run(yaml(false), { inputs: { payload: '{' } });
    expect(failed.execution.status).toBe('failed');
    expect(failed.steps.map((s) => [s.path, s.status])).toEqual([['flaky', 'failed'], ['report', 'completed']]);
    expect(failed.steps[1].output).toMatch(/^fallback saw: /);

    const continued = await createTestEngine().run(yaml(true), { inputs: { payload: '{' } });
    expect(continued.execution.status).toBe('completed');
    expect(continued.steps.map((s) => [s.path, s.status])).toEqual([['flaky', 'failed'], ['report', 'completed'], ['after', 'completed']]);
  });

  it('applies settings.on-failure to steps that have none', async () => {
    const { run } = createTestEngine();
    const { execution, steps } = await run(
      workflow(failing() + `  - name: after\n    type: console\n    with: { message: after }\n`, 'settings:\n  on-failure:\n    continue: true\n'),
      { inputs: { payload: '{' } }
    );
    expect(execution.status).toBe('completed');
    expect(steps.map((s) => s.status)).toEqual(['failed', 'completed']);
  });

  it('times a step out, records timed_out, and fails the run naming the timeout', async () => {
    const { run } = createTestEngine();
    const { execution, steps } = await run(workflow(`  - name: slow\n    type: wait\n    timeout: 20ms\n    with: { duration: 40ms }\n`));
    expect(steps.map((s) => [s.path, s.status])).toEqual([['slow', 'timed_out']]);
    expect(steps[0].error?.message).toBe('Step "slow" took longer than its timeout (20ms)');
    expect(execution.status).toBe('failed');
  });

  it('retries a timed-out step', async () => {
    const { run } = createTestEngine();
    const { steps } = await run(workflow(`  - name: slow\n    type: wait\n    timeout: 10ms\n    on-failure:\n      retry:\n        max-attempts: 2\n        delay: 1ms\n    with: { duration: 40ms }\n`));
    expect(steps.map((s) => [s.attempt, s.status])).toEqual([[1, 'timed_out'], [2, 'timed_out']]);
  });

  it('times the whole run out with settings.timeout', async () => {
    const { engine, store } = createTestEngine();
    const { anExecution } = await import('../storage/store_contract');
    await store.createExecution(anExecution({ yaml: workflow(`  - name: slow\n    type: wait\n    with: { duration: 45ms }\n`, 'settings:\n  timeout: 10ms\n'), startedAt: new Date().toISOString() }));
    // The test clock is fixed in the past, so the deadline is measured from the real start above.
    const outcome = await engine.runExecution('default', 'ex-1', new AbortController().signal);
    expect(outcome?.status).toBe('timed_out');
    const execution = await store.getExecution('default', 'ex-1');
    expect(execution).toMatchObject({ status: 'timed_out', error: { message: 'The run took longer than its timeout (10ms)' } });
    expect((await store.listStepExecutions('default', 'ex-1')).map((s) => s.status)).toEqual(['timed_out']);
  });

  it('cancels a run in progress at once and records it cancelled', async () => {
    const { engine, store } = createTestEngine();
    const { anExecution } = await import('../storage/store_contract');
    await store.createExecution(anExecution({ yaml: workflow(`  - name: slow\n    type: wait\n    with: { duration: 45ms }\n  - name: never\n    type: console\n    with: { message: x }\n`) }));
    const running = engine.runExecution('default', 'ex-1', new AbortController().signal);
    await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    expect(await engine.cancel('default', 'ex-1')).toBe(true);
    expect((await running)?.status).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(40);
    expect(await store.getExecution('default', 'ex-1')).toMatchObject({ status: 'cancelled' });
    expect((await store.listStepExecutions('default', 'ex-1')).map((s) => [s.path, s.status])).toEqual([['slow', 'cancelled']]);
    expect(await engine.cancel('default', 'ex-1')).toBe(false);
  });

  it('leaves a run resumable when the process stops (not cancelled)', async () => {
    const { engine, store } = createTestEngine({ inlineWaitThresholdMs: 5000 });
    const { anExecution } = await import('../storage/store_contract');
    await store.createExecution(anExecution({ yaml: workflow(`  - name: slow\n    type: wait\n    with: { duration: 300ms }\n`) }));
    const stop = new AbortController();
    const running = engine.runExecution('default', 'ex-1', stop.signal);
    // Long enough for the step's `running` record to be written (quick steps skip it).
    await new Promise((r) => setTimeout(r, 120));
    stop.abort(new Error('shutting down'));
    expect((await running)?.status).toBe('interrupted');
    expect((await store.getExecution('default', 'ex-1'))?.status).toBe('running');
    expect((await store.listStepExecutions('default', 'ex-1'))[0].status).toBe('running');
    expect((await engine.runExecution('default', 'ex-1', new AbortController().signal))?.status).toBe('completed');
    // The cut-short attempt is closed, not left `running` in a finished run; the step ran once more.
    expect((await store.listStepExecutions('default', 'ex-1')).map((s) => [s.path, s.status, s.attempt, s.error?.type])).toEqual([
      ['slow', 'failed', 1, 'StepInterruptedError'],
      ['slow', 'completed', 2, undefined],
    ]);
  });

  it('runs a step again when the process stopped right after closing its interrupted attempt', async () => {
    const { engine, store } = createTestEngine();
    const { anExecution, aStepExecution } = await import('../storage/store_contract');
    await store.createExecution(anExecution({ yaml: workflow(`  - name: print\n    type: console\n    with: { message: again }\n`), status: 'running' }));
    await store.saveStepExecution(aStepExecution({ status: 'failed', output: null, error: { message: 'interrupted', type: 'StepInterruptedError' } }));
    expect((await engine.runExecution('default', 'ex-1', new AbortController().signal))?.status).toBe('completed');
    expect((await store.listStepExecutions('default', 'ex-1')).map((s) => [s.status, s.attempt, s.output])).toEqual([
      ['failed', 1, null],
      ['completed', 2, 'again'],
    ]);
  });
});

describe('secrets in records', () => {
  it('keeps secret consts and secret-named fields out of stored inputs, outputs and errors, while the run uses them', async () => {
    const { run } = createTestEngine();
    const { steps, execution } = await run(
      workflow(
        `  - name: call
    type: data.set
    with:
      url: "https://intel.example/check?key={{ consts.intel_api_key }}"
      headers: { Authorization: "Bearer {{ consts.intel_api_key }}" }
  - name: use
    type: console
    with:
      message: "length {{ variables.url | size }}"
  - name: broken
    type: data.parseJson
    source: "{{ consts.intel_api_key }}"
`,
        'consts:\n  intel_api_key: s3cr3t-value-123\n'
      )
    );
    expect(execution.status).toBe('failed');
    expect(JSON.stringify(steps)).not.toContain('s3cr3t-value-123');
    expect(steps[0].input).toEqual({ url: 'https://intel.example/check?key=[REDACTED]', headers: { Authorization: '[REDACTED]' } });
    expect(steps[1].output).toBe(`length ${'https://intel.example/check?key=s3cr3t-value-123'.length}`);
  });
});

describe('long retry delays', () => {
  it('park the run instead of holding a worker, and retry when due', async () => {
    const test = createTestEngine();
    const first = await test.run(
      workflow(`  - name: flaky
    type: data.parseJson
    source: "{{ inputs.payload }}"
    on-failure:
      retry:
        max-attempts: 2
        delay: 1h
`),
      { inputs: { payload: 'not json' } }
    );
    expect(first.outcome).toEqual({ status: 'waiting', resumeAt: new Date('2026-03-01T11:00:00.000Z') });
    expect(first.steps.map((s) => [s.attempt, s.status, s.state?.retryAt])).toEqual([[1, 'failed', '2026-03-01T11:00:00.000Z']]);

    // Woken too early (e.g. by a restart): it parks again.
    expect(await test.engine.runExecution('default', 'ex-1', new AbortController().signal)).toMatchObject({ status: 'waiting' });

    test.clock.now = new Date('2026-03-01T11:00:01.000Z');
    await test.engine.runExecution('default', 'ex-1', new AbortController().signal);
    const done = await test.read();
    expect(done.execution.status).toBe('failed');
    expect(done.steps.map((s) => [s.attempt, s.status])).toEqual([[1, 'failed'], [2, 'failed']]);
  });
});
