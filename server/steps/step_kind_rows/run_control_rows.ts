/** Acceptance rows of the run-control step kinds (waits, human input, workflow output, fail and children), through the real engine. */
import { createTestEngine, workflowYaml as workflow } from '../../engine/engine_test_utils';
import { records, step, retry, runAgainAt, host, PATIENT, ENRICH, BROKEN, SLOW } from './flow_row_helpers';
import type { KindRow } from './kind_row';

export const runControlRows: KindRow[] = [
  {
    type: 'wait',
    cases: {
      async success() {
        const test = createTestEngine();
        const first = await test.run(
          workflow(`  - { name: pause, type: wait, with: { duration: 2h } }\n  - { name: after, type: console, with: { message: "woke up" } }\n`)
        );
        expect(first.outcome).toEqual({ status: 'waiting', resumeAt: new Date('2026-03-01T12:00:00.000Z') });
        expect(records(first.steps)).toEqual([['pause', 'waiting', 1]]);

        const done = await runAgainAt(test, '2026-03-01T12:00:00.000Z');
        expect(done.execution.status).toBe('completed');
        expect(done.steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['pause', 'completed', 1, { waitedMs: 7_200_000 }],
          ['after', 'completed', 1, 'woke up'],
        ]);
      },
      async failure() {
        const message = 'Invalid duration "soon": use a number followed by ms, s, m, h, d or w (e.g. "30s")';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: pause, type: wait, with: { duration: "{{ inputs.delay }}" } }\n`),
          { inputs: { delay: 'soon' } }
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "pause" failed: ${message}` } });
        expect(records(steps)).toEqual([['pause', 'failed', 1]]);
        expect(steps[0].error?.message).toBe(message);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: pause\n    type: wait\n    with: { duration: "{{ inputs.delay }}" }\n${retry(3)}`),
          { inputs: { delay: 'soon' } }
        );
        expect(execution.status).toBe('failed');
        expect(records(steps)).toEqual([
          ['pause', 'failed', 1],
          ['pause', 'failed', 2],
          ['pause', 'failed', 3],
        ]);
      },
      async timeout() {
        const message = 'Step "pause" took longer than its timeout (20ms)';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: pause
    type: wait
    timeout: 20ms
    on-failure: { continue: true }
    with: { duration: 40ms }
  - { name: after, type: console, with: { message: "{{ steps.pause.error.type }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['pause', 'timed_out', 1, null],
          ['after', 'completed', 1, 'StepTimedOutError'],
        ]);
        expect(steps[0].error).toEqual({ message, type: 'StepTimedOutError' });
      },
    },
  },
  {
    type: 'waitForInput',
    cases: {
      async success() {
        const test = await host();
        const first = await test.run(
          workflow(`  - { name: ask, type: waitForInput, with: { message: "Why isolate {{ inputs.host }}?" } }
  - { name: after, type: console, with: { message: "{{ steps.ask.output.respondedBy }}: {{ steps.ask.output.input.reason }}" } }
`)
        );
        // Without a timeout the run parks a day ahead; the answer wakes it sooner.
        expect(first.outcome).toEqual({ status: 'waiting_for_input', resumeAt: new Date('2026-03-02T10:00:00.000Z') });
        expect(first.execution.status).toBe('waiting_for_input');
        expect(records(first.steps)).toEqual([['ask', 'waiting_for_input', 1]]);

        test.clock.now = new Date('2026-03-01T10:30:00.000Z');
        const done = await test.answer({ reason: 'beaconing' }, 'alice');
        expect(done.execution.status).toBe('completed');
        expect(done.steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['ask', 'completed', 1, { input: { reason: 'beaconing' }, respondedBy: 'alice', respondedAt: '2026-03-01T10:30:00.000Z' }],
          ['after', 'completed', 1, 'alice: beaconing'],
        ]);
      },
      async failure() {
        const test = await host();
        const first = await test.run(workflow(`  - { name: ask, type: waitForInput, timeout: 1h }\n  - { name: never, type: console, with: { message: never } }\n`));
        expect(first.outcome).toEqual({ status: 'waiting_for_input', resumeAt: new Date('2026-03-01T11:00:00.000Z') });

        // Nobody answered by the deadline: the step times out and the run fails.
        const done = await runAgainAt(test, '2026-03-01T11:00:00.000Z');
        expect(done.outcome?.status).toBe('failed');
        expect(done.execution).toMatchObject({ status: 'failed', error: { message: 'Step "ask" failed: Step "ask" took longer than its timeout (1h)' } });
        expect(records(done.steps)).toEqual([['ask', 'timed_out', 1]]);
      },
      async retry() {
        const test = await host();
        await test.run(workflow(`  - name: ask\n    type: waitForInput\n    timeout: 1h\n${retry(2)}`));

        // The first attempt timed out; the second asks again, with a deadline of its own.
        const second = await runAgainAt(test, '2026-03-01T11:00:00.000Z');
        expect(second.outcome).toEqual({ status: 'waiting_for_input', resumeAt: new Date('2026-03-01T12:00:00.000Z') });
        expect(records(second.steps)).toEqual([
          ['ask', 'timed_out', 1],
          ['ask', 'waiting_for_input', 2],
        ]);

        test.clock.now = new Date('2026-03-01T11:15:00.000Z');
        const done = await test.answer('go ahead', 'bob');
        expect(done.execution.status).toBe('completed');
        expect(records(done.steps)).toEqual([
          ['ask', 'timed_out', 1],
          ['ask', 'completed', 2],
        ]);
        expect(done.steps[1].output).toEqual({ input: 'go ahead', respondedBy: 'bob', respondedAt: '2026-03-01T11:15:00.000Z' });
      },
      async timeout() {
        const test = await host();
        await test.run(
          workflow(`  - name: ask
    type: waitForInput
    timeout: 1h
    on-failure: { continue: true }
  - { name: fallback_action, type: console, with: { message: "no answer: {{ steps.ask.error.message }}" } }
`)
        );
        // Woken before the deadline (e.g. by a restart), it parks again until the same deadline.
        const early = await runAgainAt(test, '2026-03-01T10:59:59.000Z');
        expect(early.outcome).toEqual({ status: 'waiting_for_input', resumeAt: new Date('2026-03-01T11:00:00.000Z') });
        expect(records(early.steps)).toEqual([['ask', 'waiting_for_input', 1]]);

        const done = await runAgainAt(test, '2026-03-01T11:00:00.000Z');
        expect(done.execution.status).toBe('completed');
        expect(done.steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['ask', 'timed_out', 1, null],
          ['fallback_action', 'completed', 1, 'no answer: Step "ask" took longer than its timeout (1h)'],
        ]);
      },
    },
  },
  {
    type: 'waitForApproval',
    cases: {
      async success() {
        const test = await host();
        const first = await test.run(
          workflow(`  - { name: approve, type: waitForApproval, with: { message: "Isolate {{ inputs.host }}?", approvers: [alice, bob] } }
  - { name: isolate, type: console, with: { message: "isolating, approved by {{ steps.approve.output.respondedBy }}" } }
`)
        );
        expect(first.outcome?.status).toBe('waiting_for_input');
        expect(records(first.steps)).toEqual([['approve', 'waiting_for_input', 1]]);

        test.clock.now = new Date('2026-03-01T10:05:00.000Z');
        const done = await test.answer({ approved: true, comment: 'go' }, 'bob');
        expect(done.execution.status).toBe('completed');
        expect(done.steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['approve', 'completed', 1, { approved: true, comment: 'go', respondedBy: 'bob', respondedAt: '2026-03-01T10:05:00.000Z' }],
          ['isolate', 'completed', 1, 'isolating, approved by bob'],
        ]);
      },
      async failure() {
        const test = await host();
        await test.run(
          workflow(`  - { name: approve, type: waitForApproval, with: { approvers: [alice] } }
  - { name: isolate, type: console, with: { message: x } }
`)
        );
        const done = await test.answer({ approved: false, comment: 'false positive' }, 'alice');
        expect(done.execution).toMatchObject({ status: 'failed', error: { message: 'Step "approve" failed: Rejected by alice: false positive' } });
        expect(records(done.steps)).toEqual([['approve', 'failed', 1]]);
      },
      async retry() {
        const test = await host();
        await test.run(workflow(`  - name: approve\n    type: waitForApproval\n    with: { approvers: [alice, bob] }\n${retry(2)}`));

        // An answer from someone who may not approve fails the attempt; the retry asks again.
        const second = await test.answer({ approved: true }, 'mallory');
        expect(second.execution.status).toBe('waiting_for_input');
        expect(records(second.steps)).toEqual([
          ['approve', 'failed', 1],
          ['approve', 'waiting_for_input', 2],
        ]);
        expect(second.steps[0].error?.message).toBe('mallory may not approve this step (approvers: alice, bob)');

        const done = await test.answer({ approved: true }, 'alice');
        expect(done.execution.status).toBe('completed');
        expect(records(done.steps)).toEqual([
          ['approve', 'failed', 1],
          ['approve', 'completed', 2],
        ]);
        expect(done.steps[1].output).toMatchObject({ approved: true, comment: null, respondedBy: 'alice' });
      },
      async timeout() {
        const test = await host();
        const first = await test.run(workflow(`  - { name: approve, type: waitForApproval, timeout: 4h }\n  - { name: isolate, type: console, with: { message: x } }\n`));
        expect(first.outcome).toEqual({ status: 'waiting_for_input', resumeAt: new Date('2026-03-01T14:00:00.000Z') });

        // No decision is not an approval: the run fails.
        const done = await runAgainAt(test, '2026-03-01T14:00:01.000Z');
        expect(done.execution).toMatchObject({ status: 'failed', error: { message: 'Step "approve" failed: Step "approve" took longer than its timeout (4h)' } });
        expect(records(done.steps)).toEqual([['approve', 'timed_out', 1]]);
        expect(done.steps[0].error?.type).toBe('StepTimedOutError');
      },
    },
  },
  {
    type: 'workflow.output',
    cases: {
      async success() {
        const { outcome, execution, steps } = await createTestEngine().run(
          workflow(`  - { name: first, type: workflow.output, with: { verdict: suspicious, host: "{{ inputs.host }}" } }
  - { name: final, type: workflow.output, with: { verdict: malicious, score: "\${{ 4 | plus: 3 }}" } }
`)
        );
        // Outputs merge: a later step overrides a name, the others stay.
        expect(outcome).toEqual({ status: 'completed', output: { verdict: 'malicious', host: 'web-1', score: 7 } });
        expect(execution).toMatchObject({ status: 'completed', output: { verdict: 'malicious', host: 'web-1', score: 7 } });
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['first', 'completed', 1, { verdict: 'suspicious', host: 'web-1' }],
          ['final', 'completed', 1, { verdict: 'malicious', score: 7 }],
        ]);
      },
      async failure() {
        const message = 'Invalid base64 provided to base64_decode in "{{ inputs.blob | base64_decode }}"';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: keep, type: workflow.output, with: { host: "{{ inputs.host }}" } }
  - { name: decoded, type: workflow.output, with: { body: "{{ inputs.blob | base64_decode }}" } }
`),
          { inputs: { host: 'web-1', blob: 'x' } }
        );
        // The outputs set before the failure stay on the failed run.
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "decoded" failed: ${message}` }, output: { host: 'web-1' } });
        expect(records(steps)).toEqual([
          ['keep', 'completed', 1],
          ['decoded', 'failed', 1],
        ]);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: decoded\n    type: workflow.output\n    with: { body: "{{ inputs.blob | base64_decode }}" }\n${retry(2)}`),
          { inputs: { blob: 'x' } }
        );
        expect(execution.status).toBe('failed');
        expect(records(steps)).toEqual([
          ['decoded', 'failed', 1],
          ['decoded', 'failed', 2],
        ]);
      },
      async timeout() {
        // workflow.output ends at once, so its timeout cannot fire.
        const { execution, steps } = await createTestEngine().run(workflow(`  - { name: out, type: workflow.output, timeout: 1s, with: { verdict: benign } }\n`));
        expect(execution).toMatchObject({ status: 'completed', output: { verdict: 'benign' } });
        expect(records(steps)).toEqual([['out', 'completed', 1]]);
      },
    },
  },
  {
    type: 'workflow.fail',
    cases: {
      async success() {
        // Its job done: the run ends failed with the author's message, nothing after it runs, and
        // outputs set before it are kept.
        const { outcome, execution, steps } = await createTestEngine().run(
          workflow(`  - { name: out, type: workflow.output, with: { verdict: unknown } }
  - name: check
    type: if
    condition: "not inputs.owner : *"
    steps:
      - { name: stop, type: workflow.fail, with: { message: "No owner for {{ inputs.host }}" } }
      - { name: never, type: console, with: { message: never } }
  - { name: after, type: console, with: { message: never } }
`)
        );
        expect(outcome?.status).toBe('failed');
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'No owner for web-1', type: 'WorkflowFailedError' }, output: { verdict: 'unknown' } });
        expect(records(steps)).toEqual([
          ['out', 'completed', 1],
          ['check', 'failed', 1],
          ['stop', 'failed', 1],
        ]);
        expect(step(steps, 'stop')?.error).toEqual({ message: 'No owner for web-1', type: 'WorkflowFailedError' });
      },
      async failure() {
        // The run fails even with continue and a fallback: ending the run is what the step is for.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: stop
    type: workflow.fail
    on-failure:
      continue: true
      fallback:
        - { name: report, type: console, with: { message: report } }
  - { name: after, type: console, with: { message: after } }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'The workflow failed at step "stop"', type: 'WorkflowFailedError' } });
        expect(records(steps)).toEqual([['stop', 'failed', 1]]);
      },
      async retry() {
        // Nor is it retried: running it again could only fail the run again.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: stop\n    type: workflow.fail\n    with: { message: "give up" }\n${retry(3)}`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'give up' } });
        expect(records(steps)).toEqual([['stop', 'failed', 1]]);
      },
      async timeout() {
        // workflow.fail ends at once, so its timeout cannot fire: the run fails with the author's message.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: stop, type: workflow.fail, timeout: 1s, with: { message: "give up" } }\n`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'give up', type: 'WorkflowFailedError' } });
        expect(records(steps)).toEqual([['stop', 'failed', 1]]);
      },
    },
  },
  {
    type: 'workflow.execute',
    cases: {
      async success() {
        const test = await host({ enrich: ENRICH }, PATIENT);
        const { execution, steps } = await test.run(
          workflow(`  - { name: call, type: workflow.execute, with: { workflow-id: enrich, inputs: { host: "{{ inputs.host }}" } } }
  - { name: after, type: console, with: { message: "owner {{ steps.call.output.owner }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['call', 'completed', 1, { owner: 'team-web-1', checked: true }],
          ['after', 'completed', 1, 'owner team-web-1'],
        ]);
        const [child] = (await test.allRuns()).filter((r) => r.id !== 'ex-1');
        expect(child).toMatchObject({ workflowId: 'enrich', status: 'completed', parentExecutionId: 'ex-1', triggeredBy: 'workflow', inputs: { host: 'web-1' } });
        expect(steps[0].state).toEqual({ childExecutionId: child.id });
      },
      async failure() {
        const test = await host({ broken: BROKEN }, PATIENT);
        const { execution, steps } = await test.run(
          workflow(`  - { name: call, type: workflow.execute, with: { workflow-id: broken, inputs: { host: "{{ inputs.host }}" } } }\n`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "call" failed: Workflow "broken" failed: no owner for web-1' } });
        expect(records(steps)).toEqual([['call', 'failed', 1]]);
        expect((await test.allRuns()).filter((r) => r.id !== 'ex-1').map((r) => [r.workflowId, r.status, r.parentExecutionId])).toEqual([['broken', 'failed', 'ex-1']]);
      },
      async retry() {
        const test = await host({ broken: BROKEN }, PATIENT);
        const { execution, steps } = await test.run(
          workflow(`  - name: call\n    type: workflow.execute\n    with: { workflow-id: broken, inputs: { host: "{{ inputs.host }}" } }\n${retry(2)}`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "call" failed: Workflow "broken" failed: no owner for web-1' } });
        expect(records(steps)).toEqual([
          ['call', 'failed', 1],
          ['call', 'failed', 2],
        ]);
        // Each attempt runs the child workflow anew; reading the failed child of attempt 1 again is no retry.
        const children = (await test.allRuns()).filter((r) => r.workflowId === 'broken');
        expect(children.map((r) => r.status)).toEqual(['failed', 'failed']);
        expect(new Set(steps.map((s) => s.state?.childExecutionId)).size).toBe(2);
      },
      async timeout() {
        // A child slower than the step's timeout, awaited in the worker.
        const test = await host({ slow: SLOW });
        const run = await test.run(workflow(`  - { name: call, type: workflow.execute, timeout: 20ms, with: { workflow-id: slow } }\n`));
        expect(run.execution).toMatchObject({ status: 'failed', error: { message: 'Step "call" failed: Step "call" took longer than its timeout (20ms)' } });
        expect(records(run.steps)).toEqual([['call', 'timed_out', 1]]);
        await test.settled();

        // A child that parks its parent: the timeout still counts from the step's start.
        const parked = await host({ slow: workflow(`  - { name: nap, type: wait, with: { duration: 1d } }\n`) });
        const first = await parked.run(workflow(`  - { name: call, type: workflow.execute, timeout: 1h, with: { workflow-id: slow } }\n`));
        expect(first.outcome?.status).toBe('waiting');
        const done = await runAgainAt(parked, '2026-03-01T11:00:01.000Z');
        expect(done.execution).toMatchObject({ status: 'failed', error: { message: 'Step "call" failed: Step "call" took longer than its timeout (1h)' } });
        expect(records(done.steps)).toEqual([['call', 'timed_out', 1]]);
        await parked.settled();
      },
    },
  },
  {
    type: 'workflow.executeAsync',
    cases: {
      async success() {
        const test = await host({ enrich: ENRICH });
        const { execution, steps } = await test.run(
          workflow(`  - { name: start, type: workflow.executeAsync, with: { workflow-id: enrich, inputs: { host: "{{ inputs.host }}" } } }
  - { name: after, type: console, with: { message: "started {{ steps.start.output.workflowExecutionId }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['start', 'completed', 1, { workflowExecutionId: 'ex-1:start:child' }],
          ['after', 'completed', 1, 'started ex-1:start:child'],
        ]);
        await test.settled();
        expect(await test.store.getExecution('default', 'ex-1:start:child')).toMatchObject({
          workflowId: 'enrich',
          status: 'completed',
          parentExecutionId: 'ex-1',
          triggeredBy: 'workflow',
          inputs: { host: 'web-1' },
          output: { owner: 'team-web-1', checked: true },
        });
      },
      async failure() {
        const test = await host();
        const { execution, steps } = await test.run(workflow(`  - { name: start, type: workflow.executeAsync, with: { workflow-id: wf-missing } }\n`));
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "start" failed: Workflow [wf-missing] not found' } });
        expect(records(steps)).toEqual([['start', 'failed', 1]]);
        expect(steps[0].error?.message).toBe('Workflow [wf-missing] not found');
      },
      async retry() {
        const test = await host({ paused: { yaml: ENRICH, enabled: false } });
        const { execution, steps } = await test.run(workflow(`  - name: start\n    type: workflow.executeAsync\n    with: { workflow-id: paused }\n${retry(3)}`));
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "start" failed: Workflow is disabled' } });
        expect(records(steps)).toEqual([
          ['start', 'failed', 1],
          ['start', 'failed', 2],
          ['start', 'failed', 3],
        ]);
        expect((await test.allRuns()).map((r) => r.id)).toEqual(['ex-1']);
      },
      async timeout() {
        // The step only starts the child, so a child slower than the step's timeout does not time it out.
        const test = await host({ slow: SLOW });
        const { execution, steps } = await test.run(
          workflow(`  - { name: start, type: workflow.executeAsync, timeout: 20ms, with: { workflow-id: slow } }
  - { name: after, type: console, with: { message: after } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['start', 'completed', 1],
          ['after', 'completed', 1],
        ]);
        await test.settled();
        expect(await test.store.getExecution('default', 'ex-1:start:child')).toMatchObject({ status: 'completed', output: { done: true } });
      },
    },
  },
];
