/** Acceptance rows of the control-flow step kinds, run through the real engine. */
import { createTestEngine, workflowYaml as workflow } from '../../engine/engine_test_utils';
import { records, byPath, step, retry, NOT_JSON, EMPTY_CONDITION, expectContainerTimedOut } from './flow_row_helpers';
import type { KindRow } from './kind_row';

export const flowRows: KindRow[] = [
  {
    type: 'if',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: lookup, type: data.set, with: { severity: critical } }
  - name: check
    type: if
    condition: "variables.severity : (high or critical)"
    steps:
      - { name: page, type: console, with: { message: "page on-call for {{ inputs.host }}" } }
    else:
      - { name: ticket, type: console, with: { message: ticket } }
  - { name: after, type: console, with: { message: "took then: {{ steps.check.output.conditionResult }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['lookup', 'completed', 1, { severity: 'critical' }],
          ['check', 'completed', 1, { conditionResult: true }],
          ['page', 'completed', 1, 'page on-call for web-1'],
          ['after', 'completed', 1, 'took then: true'],
        ]);
      },
      async failure() {
        // A rendered condition that comes out empty is an error, never a silent "match everything".
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: check
    type: if
    condition: "{{ inputs.severity }}"
    steps:
      - { name: page, type: console, with: { message: page } }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "check" failed: ${EMPTY_CONDITION}` } });
        expect(records(steps)).toEqual([['check', 'failed', 1]]);
        expect(steps[0].error).toEqual({ message: EMPTY_CONDITION, type: 'KqlSyntaxError' });
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: check
    type: if
    condition: "{{ inputs.severity }}"
${retry(3)}    steps:
      - { name: page, type: console, with: { message: page } }
`)
        );
        expect(execution.status).toBe('failed');
        // The condition fails before any branch runs, so no attempt has children.
        expect(records(steps)).toEqual([
          ['check', 'failed', 1],
          ['check', 'failed', 2],
          ['check', 'failed', 3],
        ]);
        expect(steps.map((s) => s.error?.message)).toEqual([EMPTY_CONDITION, EMPTY_CONDITION, EMPTY_CONDITION]);
      },
      async timeout() {
        const test = createTestEngine();
        const run = await test.run(
          workflow(`  - name: check
    type: if
    condition: "inputs.host : web-*"
    timeout: 20ms
    steps:
      - { name: pause, type: wait, with: { duration: 40ms } }
      - { name: late, type: console, with: { message: late } }
  - { name: next, type: console, with: { message: next } }
`)
        );
        await expectContainerTimedOut(test, run, 'check', [
          ['check', 'timed_out', 1],
          ['pause', 'timed_out', 1],
        ]);
      },
    },
  },
  {
    type: 'foreach',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: "\${{ inputs.alerts }}"
    steps:
      - { name: note, type: console, with: { message: "{{ foreach.index | plus: 1 }}/{{ foreach.total }} {{ foreach.item.id }}" } }
`),
          { inputs: { alerts: [{ id: 'a-1' }, { id: 'a-2' }, { id: 'a-3' }] } }
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['each', 'completed', 1, { total: 3, iterations: 3 }],
          ['each[0]>note', 'completed', 1, '1/3 a-1'],
          ['each[1]>note', 'completed', 1, '2/3 a-2'],
          ['each[2]>note', 'completed', 1, '3/3 a-3'],
        ]);
      },
      async failure() {
        const message = '"foreach" must give a list, but "${{ inputs.alert }}" gave an object';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: "\${{ inputs.alert }}"
    steps:
      - { name: note, type: console, with: { message: "{{ foreach.item }}" } }
`),
          { inputs: { alert: { id: 'a-1' } } }
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "each" failed: ${message}` } });
        expect(records(steps)).toEqual([['each', 'failed', 1]]);
        expect(steps[0].error?.message).toBe(message);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: "\${{ inputs.alert }}"
${retry(2)}    steps:
      - { name: note, type: console, with: { message: "{{ foreach.item }}" } }
`),
          { inputs: { alert: { id: 'a-1' } } }
        );
        expect(execution.status).toBe('failed');
        expect(records(steps)).toEqual([
          ['each', 'failed', 1],
          ['each', 'failed', 2],
        ]);
      },
      async timeout() {
        const test = createTestEngine();
        const run = await test.run(
          workflow(`  - name: each
    type: foreach
    foreach: '["a", "b"]'
    timeout: 20ms
    steps:
      - { name: pause, type: wait, with: { duration: 40ms } }
      - { name: late, type: console, with: { message: "{{ foreach.item }}" } }
`)
        );
        await expectContainerTimedOut(test, run, 'each', [
          ['each', 'timed_out', 1],
          ['each[0]>pause', 'timed_out', 1],
        ]);
      },
    },
  },
  {
    type: 'switch',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: route
    type: switch
    expression: "{{ inputs.severity }}"
    cases:
      - match: low
        steps:
          - { name: ignore, type: console, with: { message: ignore } }
      - match: [high, critical]
        steps:
          - { name: page, type: console, with: { message: "page for {{ inputs.severity }}" } }
    default:
      - { name: ticket, type: console, with: { message: ticket } }
`),
          { inputs: { severity: 'critical' } }
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['route', 'completed', 1, { value: 'critical', matchedCase: ['high', 'critical'] }],
          ['page', 'completed', 1, 'page for critical'],
        ]);
      },
      async failure() {
        const message = 'URI malformed in "{{ inputs.kind | url_decode }}"';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: route
    type: switch
    expression: "{{ inputs.kind | url_decode }}"
    cases:
      - match: phishing
        steps:
          - { name: mail, type: console, with: { message: mail } }
`),
          { inputs: { kind: '%E0%A4%A' } }
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "route" failed: ${message}` } });
        expect(records(steps)).toEqual([['route', 'failed', 1]]);
        expect(steps[0].error).toEqual({ message, type: 'TemplateError' });
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: route
    type: switch
    expression: "{{ inputs.kind | url_decode }}"
${retry(3)}    cases:
      - match: phishing
        steps:
          - { name: mail, type: console, with: { message: mail } }
`),
          { inputs: { kind: '%E0%A4%A' } }
        );
        expect(execution.status).toBe('failed');
        expect(records(steps)).toEqual([
          ['route', 'failed', 1],
          ['route', 'failed', 2],
          ['route', 'failed', 3],
        ]);
      },
      async timeout() {
        const test = createTestEngine();
        const run = await test.run(
          workflow(`  - name: route
    type: switch
    expression: "{{ inputs.host }}"
    timeout: 20ms
    cases:
      - match: web-1
        steps:
          - { name: pause, type: wait, with: { duration: 40ms } }
          - { name: late, type: console, with: { message: late } }
`)
        );
        await expectContainerTimedOut(test, run, 'route', [
          ['pause', 'timed_out', 1],
          ['route', 'timed_out', 1],
        ]);
      },
    },
  },
  {
    type: 'while',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: init, type: data.set, with: { polls: 0 } }
  - name: poll
    type: while
    condition: "variables.polls < 3"
    max-iterations: 5
    steps:
      - { name: bump, type: data.set, with: { polls: "\${{ variables.polls | plus: 1 }}" } }
      - { name: note, type: console, with: { message: "pass {{ foreach.index }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['init', 'completed', 1, { polls: 0 }],
          ['poll', 'completed', 1, { iterations: 3, limitReached: false }],
          ['poll[0]>bump', 'completed', 1, { polls: 1 }],
          ['poll[0]>note', 'completed', 1, 'pass 0'],
          ['poll[1]>bump', 'completed', 1, { polls: 2 }],
          ['poll[1]>note', 'completed', 1, 'pass 1'],
          ['poll[2]>bump', 'completed', 1, { polls: 3 }],
          ['poll[2]>note', 'completed', 1, 'pass 2'],
        ]);
      },
      async failure() {
        const message = '"while" stopped after 2 iterations (max-iterations) with its condition still true';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: init, type: data.set, with: { state: pending } }
  - name: poll
    type: while
    condition: "variables.state : pending"
    max-iterations: 2
    on-limit: fail
    steps:
      - { name: check, type: console, with: { message: "still {{ variables.state }}" } }
  - { name: never, type: console, with: { message: never } }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "poll" failed: ${message}` } });
        expect(records(steps)).toEqual([
          ['init', 'completed', 1],
          ['poll', 'failed', 1],
          ['poll[0]>check', 'completed', 1],
          ['poll[1]>check', 'completed', 1],
        ]);
        expect(step(steps, 'poll')?.error?.message).toBe(message);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: init, type: data.set, with: { n: 0 } }
  - name: poll
    type: while
    condition: "variables.n < 5"
    max-iterations: 2
${retry(2)}    steps:
      - { name: bump, type: data.set, with: { n: "\${{ variables.n | plus: 1 }}" } }
`)
        );
        expect(execution).toMatchObject({
          status: 'failed',
          error: { message: 'Step "poll" failed: "while" stopped after 2 iterations (max-iterations) with its condition still true' },
        });
        expect(records(steps.filter((s) => s.path === 'poll'))).toEqual([
          ['poll', 'failed', 1],
          ['poll', 'failed', 2],
        ]);
        // A retry runs the loop body again (a poll that hit its limit polls anew); it does not
        // replay the records of the failed attempt, which could only fail the same way.
        expect(steps.filter((s) => s.stepName === 'bump').map((s) => s.output)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
      },
      async timeout() {
        const test = createTestEngine();
        const run = await test.run(
          workflow(`  - name: poll
    type: while
    condition: true
    max-iterations: 3
    timeout: 20ms
    steps:
      - { name: pause, type: wait, with: { duration: 40ms } }
      - { name: late, type: console, with: { message: late } }
`)
        );
        await expectContainerTimedOut(test, run, 'poll', [
          ['poll', 'timed_out', 1],
          ['poll[0]>pause', 'timed_out', 1],
        ]);
      },
    },
  },
  {
    type: 'parallel',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: enrich
    type: parallel
    branches:
      - name: geo
        steps:
          - { name: geo_lookup, type: data.set, with: { country: NL } }
      - name: whois
        steps:
          - { name: whois_lookup, type: data.set, with: { registrar: acme } }
          - { name: whois_note, type: console, with: { message: "registrar {{ variables.registrar }}" } }
  - { name: report, type: console, with: { message: "{{ steps.geo.output.country }} / {{ steps.whois.output }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        // Branches interleave, so the records are compared in path order.
        expect(byPath(steps)).toEqual([
          ['enrich', 'completed', 1],
          ['geo_lookup', 'completed', 1],
          ['report', 'completed', 1],
          ['whois_lookup', 'completed', 1],
          ['whois_note', 'completed', 1],
        ]);
        expect(step(steps, 'enrich')?.output).toEqual({ geo: { country: 'NL' }, whois: 'registrar acme' });
        expect(step(steps, 'report')?.output).toBe('NL / registrar acme');
      },
      async failure() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: enrich
    type: parallel
    branches:
      - name: bad
        steps:
          - { name: parse, type: data.parseJson, source: "{{ inputs.host }}" }
      - name: good
        steps:
          - { name: pause, type: wait, with: { duration: 10ms } }
          - { name: done, type: console, with: { message: done } }
  - { name: never, type: console, with: { message: never } }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "parse" failed: ${NOT_JSON}` } });
        // The failing branch does not stop the other one: the step fails once every branch ended.
        expect(byPath(steps)).toEqual([
          ['done', 'completed', 1],
          ['enrich', 'failed', 1],
          ['parse', 'failed', 1],
          ['pause', 'completed', 1],
        ]);
        expect(step(steps, 'enrich')?.error?.message).toBe(`Step "parse" failed: ${NOT_JSON}`);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: enrich
    type: parallel
${retry(3)}    branches:
      - name: bad
        steps:
          - name: parse
            type: data.parseJson
            source: "{{ inputs.host }}"
            on-failure: { retry: { max-attempts: 2, delay: 1ms } }
      - name: good
        steps:
          - { name: done, type: console, with: { message: done } }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "parse" failed: ${NOT_JSON}` } });
        // A failure from inside a container is retried by the failing step's own policy; the
        // runner gives the container only its fallback / continue for it, never a retry, so a
        // parallel (which cannot fail by itself) makes a single attempt.
        expect(byPath(steps)).toEqual([
          ['done', 'completed', 1],
          ['enrich', 'failed', 1],
          ['parse', 'failed', 1],
          ['parse', 'failed', 2],
        ]);
      },
      async timeout() {
        const test = createTestEngine();
        const run = await test.run(
          workflow(`  - name: enrich
    type: parallel
    timeout: 20ms
    branches:
      - name: slow
        steps:
          - { name: pause, type: wait, with: { duration: 40ms } }
          - { name: late, type: console, with: { message: late } }
      - name: fast
        steps:
          - { name: done, type: console, with: { message: done } }
`)
        );
        await expectContainerTimedOut(test, run, 'enrich', [
          ['done', 'completed', 1],
          ['enrich', 'timed_out', 1],
          ['pause', 'timed_out', 1],
        ]);
      },
    },
  },
  {
    type: 'merge',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: enrich
    type: parallel
    branches:
      - name: geo
        steps:
          - { name: geo_lookup, type: data.set, with: { country: NL } }
      - name: whois
        steps:
          - { name: whois_lookup, type: data.set, with: { registrar: acme } }
  - { name: vt, type: console, if: "inputs.host : db-*", with: { message: vt } }
  - { name: join, type: merge, sources: [geo, whois_lookup, vt] }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps.filter((s) => s.path === 'vt' || s.path === 'join'))).toEqual([
          ['vt', 'skipped', 1],
          ['join', 'completed', 1],
        ]);
        // A skipped source is there, with a null output.
        expect(step(steps, 'join')?.output).toEqual({ geo: { country: 'NL' }, whois_lookup: { registrar: 'acme' }, vt: null });
      },
      async failure() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: check
    type: if
    condition: "inputs.host : db-*"
    steps:
      - { name: db, type: data.set, with: { kind: db } }
    else:
      - { name: web, type: data.set, with: { kind: web } }
  - { name: join, type: merge, sources: [db, web] }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "join" failed: merge: no output yet from "db"' } });
        expect(records(steps)).toEqual([
          ['check', 'completed', 1],
          ['web', 'completed', 1],
          ['join', 'failed', 1],
        ]);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: web, type: data.set, with: { kind: web } }
  - name: join
    type: merge
    sources: [web, db]
${retry(2)}`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "join" failed: merge: no output yet from "db"' } });
        expect(records(steps)).toEqual([
          ['web', 'completed', 1],
          ['join', 'failed', 1],
          ['join', 'failed', 2],
        ]);
      },
      async timeout() {
        // merge ends at once, so its timeout cannot fire.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: web, type: data.set, with: { kind: web } }\n  - { name: join, type: merge, sources: [web], timeout: 1s }\n`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['web', 'completed', 1, { kind: 'web' }],
          ['join', 'completed', 1, { web: { kind: 'web' } }],
        ]);
      },
    },
  },
  {
    type: 'loop.break',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: init, type: data.set, with: { n: 0 } }
  - name: poll
    type: while
    condition: true
    max-iterations: 10
    steps:
      - { name: bump, type: data.set, with: { n: "\${{ variables.n | plus: 1 }}" } }
      - { name: stop, type: loop.break, if: "variables.n >= 2" }
      - { name: note, type: console, with: { message: "n={{ variables.n }}" } }
  - { name: after, type: console, with: { message: "left at {{ variables.n }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['init', 'completed', 1],
          ['poll', 'completed', 1],
          ['poll[0]>bump', 'completed', 1],
          ['poll[0]>stop', 'skipped', 1],
          ['poll[0]>note', 'completed', 1],
          ['poll[1]>bump', 'completed', 1],
          ['poll[1]>stop', 'completed', 1],
          ['after', 'completed', 1],
        ]);
        expect(step(steps, 'poll')?.output).toEqual({ iterations: 2, limitReached: false });
        expect(step(steps, 'after')?.output).toBe('left at 2');
      },
      async failure() {
        // loop.break cannot fail by itself; its guard can (an item without a level renders an empty condition).
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: "\${{ inputs.alerts }}"
    steps:
      - { name: stop, type: loop.break, if: "{{ foreach.item.level }}" }
`),
          { inputs: { alerts: [{ id: 'a-1' }] } }
        );
        // The failure belongs to the step whose guard failed, as any failure inside a loop does.
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "stop" failed: ${EMPTY_CONDITION}` } });
        expect(records(steps)).toEqual([
          ['each', 'failed', 1],
          ['each[0]>stop', 'failed', 1],
        ]);
      },
      async retry() {
        // A break is a signal, not a failure: a retry policy on it never comes into play.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '[1, 2, 3]'
    steps:
      - name: stop
        type: loop.break
${retry(3, '        ')}`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['each', 'completed', 1],
          ['each[0]>stop', 'completed', 1],
        ]);
        expect(step(steps, 'each')?.output).toEqual({ total: 3, iterations: 1 });
      },
      async timeout() {
        // loop.break ends at once, so its timeout cannot fire.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '[1, 2]'
    steps:
      - { name: stop, type: loop.break, timeout: 1s }
      - { name: never, type: console, with: { message: never } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['each', 'completed', 1],
          ['each[0]>stop', 'completed', 1],
        ]);
      },
    },
  },
  {
    type: 'loop.continue',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '["web-1", "test-1", "db-1"]'
    steps:
      - { name: skip, type: loop.continue, if: "foreach.item : test-*" }
      - { name: isolate, type: console, with: { message: "isolate {{ foreach.item }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['each', 'completed', 1, { total: 3, iterations: 3 }],
          ['each[0]>skip', 'skipped', 1, null],
          ['each[0]>isolate', 'completed', 1, 'isolate web-1'],
          ['each[1]>skip', 'completed', 1, null],
          ['each[2]>skip', 'skipped', 1, null],
          ['each[2]>isolate', 'completed', 1, 'isolate db-1'],
        ]);
      },
      async failure() {
        // loop.continue cannot fail by itself: here the loop fails on an item it does not skip.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '["{\\"id\\": 1}", "skip", "web-1"]'
    steps:
      - { name: skip, type: loop.continue, if: "foreach.item : skip" }
      - { name: parse, type: data.parseJson, source: "{{ foreach.item }}" }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "parse" failed: ${NOT_JSON}` } });
        expect(records(steps)).toEqual([
          ['each', 'failed', 1],
          ['each[0]>skip', 'skipped', 1],
          ['each[0]>parse', 'completed', 1],
          ['each[1]>skip', 'completed', 1],
          ['each[2]>skip', 'skipped', 1],
          ['each[2]>parse', 'failed', 1],
        ]);
      },
      async retry() {
        // A continue is a signal, not a failure: a retry policy on it never comes into play.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '[1, 2]'
    steps:
      - name: next
        type: loop.continue
${retry(3, '        ')}      - { name: never, type: console, with: { message: never } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['each', 'completed', 1],
          ['each[0]>next', 'completed', 1],
          ['each[1]>next', 'completed', 1],
        ]);
      },
      async timeout() {
        // loop.continue ends at once, so its timeout cannot fire.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '[1]'
    steps:
      - { name: next, type: loop.continue, timeout: 1s }
      - { name: never, type: console, with: { message: never } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['each', 'completed', 1],
          ['each[0]>next', 'completed', 1],
        ]);
      },
    },
  },
];
