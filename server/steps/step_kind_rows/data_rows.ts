/**
 * Acceptance rows of `console` and the data kinds: each scenario runs a one-step workflow (the
 * step is named `s`) through the real engine and checks the stored records exactly.
 */
import { stringify } from 'yaml';
import { createTestEngine, workflowYaml } from '../../engine/engine_test_utils';
import type { StepExecutionRecord } from '../../storage/types';
import type { KindRow } from './kind_row';

type Fields = Record<string, unknown>;
type Inputs = Record<string, unknown>;

/** Runs a workflow of the given steps, written out as YAML, with `inputs`. */
const runSteps = (steps: Fields[], inputs: Inputs = {}) =>
  createTestEngine().run(workflowYaml(stringify(steps).replace(/^(?=.)/gm, '  ')), { inputs });

/** Runs a workflow whose only step is `s` with `fields` (its type and its own fields). */
const run = (fields: Fields, inputs: Inputs = {}) => runSteps([{ name: 's', ...fields }], inputs);

const records = (steps: StepExecutionRecord[]) => steps.map((s) => [s.path, s.status, s.attempt, s.output]);

const RETRY = { 'max-attempts': 3, delay: '1ms' };

async function expectSuccess(fields: Fields, inputs: Inputs, output: unknown) {
  const { execution, steps } = await run(fields, inputs);
  expect(execution.status).toBe('completed');
  expect(records(steps)).toEqual([['s', 'completed', 1, output]]);
}

/** The step, and so the run, fail with `message` as the author's error (of class `type`). */
async function expectFailure(fields: Fields, inputs: Inputs, message: string, type = 'UserError') {
  const { execution, steps } = await run(fields, inputs);
  expect(records(steps)).toEqual([['s', 'failed', 1, null]]);
  expect(steps[0].error).toEqual({ message, type });
  expect([execution.status, execution.error?.message]).toEqual(['failed', `Step "s" failed: ${message}`]);
}

/**
 * The failing variant is attempted max-attempts times and still fails the run; a retry condition
 * that does not hold for the error means one attempt; `continue` lets the run go on afterwards.
 */
async function expectRetried(fields: Fields, inputs: Inputs, message: string) {
  const retried = await run({ ...fields, 'on-failure': { retry: RETRY } }, inputs);
  expect(retried.steps.map((s) => [s.path, s.status, s.attempt, s.error?.message])).toEqual([
    ['s', 'failed', 1, message],
    ['s', 'failed', 2, message],
    ['s', 'failed', 3, message],
  ]);
  expect([retried.execution.status, retried.execution.error?.message]).toEqual(['failed', `Step "s" failed: ${message}`]);

  const onlyTimeouts = { retry: { ...RETRY, condition: 'error.type : StepTimedOutError' } };
  const notRetried = await run({ ...fields, 'on-failure': onlyTimeouts }, inputs);
  expect(records(notRetried.steps)).toEqual([['s', 'failed', 1, null]]);
  expect(notRetried.execution.status).toBe('failed');

  const continued = await runSteps(
    [
      { name: 's', ...fields, 'on-failure': { retry: RETRY, continue: true } },
      { name: 'after', type: 'console', with: { message: 'after: {{ steps.s.error.message }}' } },
    ],
    inputs
  );
  expect(continued.execution.status).toBe('completed');
  expect(records(continued.steps)).toEqual([
    ['s', 'failed', 1, null],
    ['s', 'failed', 2, null],
    ['s', 'failed', 3, null],
    ['after', 'completed', 1, `after: ${message}`],
  ]);
}

/** Pure kinds never block: a step `timeout` bounds them but cannot fire, so the step completes at once. */
async function expectWithinTimeout(fields: Fields, inputs: Inputs, output: unknown) {
  const { execution, steps } = await run({ ...fields, timeout: '1s' }, inputs);
  expect(execution.status).toBe('completed');
  expect(records(steps)).toEqual([['s', 'completed', 1, output]]);
}

const alerts = [
  { id: 'a1', severity: 'critical', host: { name: 'web-1' }, user: 'ann', risk: 90 },
  { id: 'a2', severity: 'low', host: { name: 'web-2' }, user: 'bob', risk: 20 },
  { id: 'a3', severity: 'critical', host: { name: 'web-1' }, user: 'ann', risk: 70 },
];
const [a1, a2, a3] = alerts;
const authLine = 'sshd[811]: Failed password for ann from 10.0.0.5 port 22';

// A loop too long for the template memory budget: the one way a rendered value fails at run time.
const runawayTemplate = '{% for i in (1..inputs.repeat) %}.{% endfor %}';
const runawayInputs = { repeat: 200_000_000 };
const runawayMessage = 'Template memory limit exceeded (100000000) in "{% for i in (1..inputs.repeat) %}"';

const consoleStep = { type: 'console', with: { message: '{{ inputs.alerts | size }} alerts, first on {{ inputs.alerts[0].host.name }}' } };
const consoleFailing = { type: 'console', with: { message: runawayTemplate } };

const setStep = {
  type: 'data.set',
  with: { host: '${{ inputs.alerts[0].host.name }}', count: '${{ inputs.alerts | size }}', note: 'triaged {{ inputs.alerts | size }}' },
};
const setOutput = { host: 'web-1', count: 3, note: 'triaged 3' };
const setFailing = { type: 'data.set', with: { host: '${{ inputs.alerts[0].host.name }}', dots: runawayTemplate } };

const mapStep = {
  type: 'data.map',
  items: '${{ inputs.alerts }}',
  with: { fields: { id: '${{ item.id }}', host: '${{ item.host.name }}', position: '${{ index }}' } },
};
const mapOutput = [
  { id: 'a1', host: 'web-1', position: 0 },
  { id: 'a2', host: 'web-2', position: 1 },
  { id: 'a3', host: 'web-1', position: 2 },
];
const mapFailing = { ...mapStep, items: '${{ inputs.alerts[0].host.name }}' };
const mapMessage = '"items" must be a list or an object, but "${{ inputs.alerts[0].host.name }}" gave the string "web-1"';

const filterStep = { type: 'data.filter', items: '${{ inputs.alerts }}', with: { condition: 'item.severity : critical' } };
const filterFailing = { ...filterStep, items: '${{ inputs.alerts[0] }}' };
const filterMessage = '"items" must be a list, but "${{ inputs.alerts[0] }}" gave an object';

const findStep = { type: 'data.find', items: '${{ inputs.alerts }}', with: { condition: 'item.user : bob and item.risk < 50' } };
const findFailing = { ...findStep, items: '${{ inputs.incidents }}' };
const findMessage = '"items" must be a list, but "${{ inputs.incidents }}" gave nothing';

const dedupeStep = { type: 'data.dedupe', items: '${{ inputs.alerts }}', with: { keys: ['host.name', 'user'] } };
const dedupeFailing = { ...dedupeStep, items: '${{ inputs.alerts[0].user }}' };
const dedupeMessage = '"items" must be a list, but "${{ inputs.alerts[0].user }}" gave the string "ann"';

const aggregateStep = {
  type: 'data.aggregate',
  items: '${{ inputs.alerts }}',
  with: {
    group_by: ['host.name'],
    metrics: [
      { name: 'alerts', operation: 'count' },
      { name: 'max_risk', operation: 'max', field: 'risk' },
      { name: 'avg_risk', operation: 'avg', field: 'risk' },
    ],
  },
};
const aggregateOutput = [
  { host: { name: 'web-1' }, alerts: 2, max_risk: 90, avg_risk: 80 },
  { host: { name: 'web-2' }, alerts: 1, max_risk: 20, avg_risk: 20 },
];
const aggregateFailing = {
  ...aggregateStep,
  with: { group_by: ['host.name'], metrics: [{ name: 'total', operation: 'sum', field: 'user' }] },
};
const aggregateMessage = 'Metric "total" (sum of user) needs numbers, but item 0 has the string "ann"';

const concatStep = { type: 'data.concat', arrays: ['${{ inputs.watched }}', '${{ inputs.alerted }}'], with: { dedupe: true } };
const concatInputs = { watched: ['web-1', 'db-1'], alerted: ['web-2', 'web-1'] };
const concatFailing = { ...concatStep, arrays: ['${{ inputs.watched }}', '${{ inputs.alerted | first }}'] };
const concatMessage = '"arrays[1]" must be a list, but "${{ inputs.alerted | first }}" gave the string "web-2"';

const parseStep = { type: 'data.parseJson', source: '{{ inputs.body }}' };
const parseInputs = { body: '{"hits":{"total":2,"hosts":["web-1","web-2"]}}' };
const parseOutput = { hits: { total: 2, hosts: ['web-1', 'web-2'] } };
// A body cut short, as from a truncated HTTP response.
const parseBadInputs = { body: '{"hits":{"total":2,"hosts":["web-1"' };
const parseMessage = '"source" is not valid JSON at line 1, column 36: the text ends where "," or "]" was expected';

const stringifyStep = { type: 'data.stringifyJson', source: '${{ inputs.alerts[1] }}' };
const stringifyOutput = '{"id":"a2","severity":"low","host":{"name":"web-2"},"user":"bob","risk":20}';
const stringifyFailing = { type: 'data.stringifyJson', source: '${{ inputs.alert }}' };
const stringifyMessage = '"source" must be a value, but "${{ inputs.alert }}" gave nothing';

const extractStep = {
  type: 'data.regexExtract',
  source: '${{ inputs.line }}',
  with: { pattern: 'for (?<user>\\w+) from (?<ip>[\\d.]+)' },
};
const extractFailing = { ...extractStep, with: { pattern: 'for (?<user>\\w+ from' } };
const extractMessage = 'The pattern "for (?<user>\\\\w+ from" is not a valid regular expression: Unterminated group';

const replaceStep = { type: 'data.regexReplace', source: '${{ inputs.line }}', with: { pattern: '\\d+(\\.\\d+){3}', replacement: '<ip>' } };
const replaceOutput = 'sshd[811]: Failed password for ann from <ip> port 22';
// The pattern comes from the run's inputs, so only running it shows that it is not a regex.
const replaceFailing = { ...replaceStep, with: { pattern: '{{ inputs.pattern }}', replacement: '<ip>' } };
const replaceBadInputs = { line: authLine, pattern: '[0-9.+' };
const replaceMessage = 'The pattern "[0-9.+" is not a valid regular expression: Unterminated character class';

/**
 * A timeout that does fire around a pure kind: a foreach whose body is `data.set` and a wait
 * outlasting the loop's timeout. The loop is timed out while the first wait is in progress; that
 * wait is cut short with the loop's timeout and no later iteration runs, even once the run ended.
 */
async function expectLoopTimeout() {
  const test = createTestEngine();
  const loop = {
    name: 'loop',
    type: 'foreach',
    foreach: '${{ inputs.alerts }}',
    timeout: '20ms',
    steps: [
      { name: 's', type: 'data.set', with: { last: '${{ foreach.item.id }}' } },
      { name: 'pause', type: 'wait', with: { duration: '50ms' } },
    ],
  };
  const after = { name: 'after', type: 'console', with: { message: 'never' } };
  const { execution } = await test.run(workflowYaml(stringify([loop, after]).replace(/^(?=.)/gm, '  ')), { inputs: { alerts } });
  const timedOut = 'Step "loop" took longer than its timeout (20ms)';
  expect([execution.status, execution.error?.message]).toEqual(['failed', `Step "loop" failed: ${timedOut}`]);
  // Long enough for the body to have gone on, had it not been stopped.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const { steps } = await test.read();
  expect(steps.map((s) => [s.path, s.status, s.attempt, s.output, s.error?.message])).toEqual([
    ['loop', 'timed_out', 1, null, timedOut],
    ['loop[0]>s', 'completed', 1, { last: 'a1' }, undefined],
    ['loop[0]>pause', 'timed_out', 1, null, timedOut],
  ]);
}

export const dataRows: KindRow[] = [
  {
    type: 'console',
    cases: {
      success: () => expectSuccess(consoleStep, { alerts }, '3 alerts, first on web-1'),
      // console cannot fail once its message is rendered; rendering it can.
      failure: () => expectFailure(consoleFailing, runawayInputs, runawayMessage, 'TemplateError'),
      retry: () => expectRetried(consoleFailing, runawayInputs, runawayMessage),
      timeout: () => expectWithinTimeout(consoleStep, { alerts }, '3 alerts, first on web-1'),
    },
  },
  {
    type: 'data.set',
    cases: {
      success: async () => {
        const { execution, steps } = await runSteps(
          [{ name: 's', ...setStep }, { name: 'use', type: 'console', with: { message: '{{ variables.count }} on {{ variables.host }}' } }],
          { alerts }
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['s', 'completed', 1, setOutput],
          ['use', 'completed', 1, '3 on web-1'],
        ]);
      },
      failure: () => expectFailure(setFailing, { alerts, ...runawayInputs }, runawayMessage, 'TemplateError'),
      retry: () => expectRetried(setFailing, { alerts, ...runawayInputs }, runawayMessage),
      timeout: async () => {
        await expectWithinTimeout(setStep, { alerts }, setOutput);
        await expectLoopTimeout();
      },
    },
  },
  {
    type: 'data.map',
    cases: {
      success: () => expectSuccess(mapStep, { alerts }, mapOutput),
      failure: () => expectFailure(mapFailing, { alerts }, mapMessage),
      retry: () => expectRetried(mapFailing, { alerts }, mapMessage),
      timeout: () => expectWithinTimeout(mapStep, { alerts }, mapOutput),
    },
  },
  {
    type: 'data.filter',
    cases: {
      success: () => expectSuccess(filterStep, { alerts }, [a1, a3]),
      failure: () => expectFailure(filterFailing, { alerts }, filterMessage),
      retry: () => expectRetried(filterFailing, { alerts }, filterMessage),
      timeout: () => expectWithinTimeout(filterStep, { alerts }, [a1, a3]),
    },
  },
  {
    type: 'data.find',
    cases: {
      success: () => expectSuccess(findStep, { alerts }, { item: a2, index: 1 }),
      failure: () => expectFailure(findFailing, { alerts }, findMessage),
      retry: () => expectRetried(findFailing, { alerts }, findMessage),
      timeout: () => expectWithinTimeout(findStep, { alerts }, { item: a2, index: 1 }),
    },
  },
  {
    type: 'data.dedupe',
    cases: {
      success: () => expectSuccess(dedupeStep, { alerts }, [a1, a2]),
      failure: () => expectFailure(dedupeFailing, { alerts }, dedupeMessage),
      retry: () => expectRetried(dedupeFailing, { alerts }, dedupeMessage),
      timeout: () => expectWithinTimeout(dedupeStep, { alerts }, [a1, a2]),
    },
  },
  {
    type: 'data.aggregate',
    cases: {
      success: () => expectSuccess(aggregateStep, { alerts }, aggregateOutput),
      failure: () => expectFailure(aggregateFailing, { alerts }, aggregateMessage),
      retry: () => expectRetried(aggregateFailing, { alerts }, aggregateMessage),
      timeout: () => expectWithinTimeout(aggregateStep, { alerts }, aggregateOutput),
    },
  },
  {
    type: 'data.concat',
    cases: {
      success: () => expectSuccess(concatStep, concatInputs, ['web-1', 'db-1', 'web-2']),
      failure: () => expectFailure(concatFailing, concatInputs, concatMessage),
      retry: () => expectRetried(concatFailing, concatInputs, concatMessage),
      timeout: () => expectWithinTimeout(concatStep, concatInputs, ['web-1', 'db-1', 'web-2']),
    },
  },
  {
    type: 'data.parseJson',
    cases: {
      success: () => expectSuccess(parseStep, parseInputs, parseOutput),
      failure: () => expectFailure(parseStep, parseBadInputs, parseMessage),
      retry: () => expectRetried(parseStep, parseBadInputs, parseMessage),
      timeout: () => expectWithinTimeout(parseStep, parseInputs, parseOutput),
    },
  },
  {
    type: 'data.stringifyJson',
    cases: {
      success: () => expectSuccess(stringifyStep, { alerts }, stringifyOutput),
      failure: () => expectFailure(stringifyFailing, { alerts }, stringifyMessage),
      retry: () => expectRetried(stringifyFailing, { alerts }, stringifyMessage),
      timeout: () => expectWithinTimeout(stringifyStep, { alerts }, stringifyOutput),
    },
  },
  {
    type: 'data.regexExtract',
    cases: {
      success: () => expectSuccess(extractStep, { line: authLine }, { user: 'ann', ip: '10.0.0.5' }),
      failure: () => expectFailure(extractFailing, { line: authLine }, extractMessage),
      retry: () => expectRetried(extractFailing, { line: authLine }, extractMessage),
      timeout: () => expectWithinTimeout(extractStep, { line: authLine }, { user: 'ann', ip: '10.0.0.5' }),
    },
  },
  {
    type: 'data.regexReplace',
    cases: {
      success: () => expectSuccess(replaceStep, { line: authLine }, replaceOutput),
      failure: () => expectFailure(replaceFailing, replaceBadInputs, replaceMessage),
      retry: () => expectRetried(replaceFailing, replaceBadInputs, replaceMessage),
      timeout: () => expectWithinTimeout(replaceStep, { line: authLine }, replaceOutput),
    },
  },
];
