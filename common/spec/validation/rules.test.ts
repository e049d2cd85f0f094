import { parseWorkflowYaml } from '../parse';

/** A workflow around the given steps; the first step is on line 11 (without `extra`). */
const workflow = (steps: string, extra = '') => `name: rules
triggers:
  - type: manual
    inputs:
      - name: host
        type: string
consts:
  limit: 3
${extra}
steps:
${steps}`;

const findingsOf = (source: string) =>
  parseWorkflowYaml(source).findings.map((f): [string, number, number] => [f.code, f.line, f.column]);

describe('semantic rules', () => {
  it.each<[string, string, Array<[string, number, number]>, string?]>([
    [
      'loop.break inside a while loop is fine',
      `  - name: loop
    type: while
    condition: "variables.more : true"
    steps:
      - name: stop
        type: loop.break`,
      [],
    ],
    [
      'loop.continue nested in an if inside a foreach is fine',
      `  - name: each
    type: foreach
    foreach: "{{ consts.limit }}"
    steps:
      - name: check
        type: if
        condition: "foreach.item : 1"
        steps:
          - name: skip
            type: loop.continue`,
      [],
    ],
    [
      'loop.break in the steps of an if outside any loop',
      `  - name: check
    type: if
    condition: "inputs.host : a"
    steps:
      - name: stop
        type: loop.break`,
      [['loop-control-outside-loop', 16, 15]],
    ],
    [
      'foreach.item in a step that iterates itself, but not in its own list',
      `  - name: each
    type: console
    foreach: "{{ foreach.items }}"
    with:
      message: "{{ foreach.item }}"`,
      [['foreach-outside-loop', 13, 18]],
    ],
    [
      'a fallback reads the error of its own step',
      `  - name: fetch
    type: http
    with:
      url: https://example.org
    on-failure:
      continue: true
      retry:
        max-attempts: 3
        condition: "steps.fetch.error.statusCode >= 500"
      fallback:
        - name: report
          type: console
          with:
            message: "{{ steps.fetch.error.message }}"`,
      [],
    ],
    [
      'a step reads its own output',
      `  - name: fetch
    type: console
    with:
      message: "{{ steps.fetch.output }}"`,
      [['forward-step-reference', 14, 20]],
    ],
    [
      'a condition reads a step it contains',
      `  - name: check
    type: if
    condition: "steps.inner.output : x"
    steps:
      - name: inner
        type: console
        with:
          message: "{{ steps['check'].output }}"`,
      [['forward-step-reference', 13, 17]],
    ],
    [
      'bracket reference to a missing step',
      `  - name: one
    type: console
    with:
      message: "{{ steps['get-thing'].output }}"`,
      [['unknown-step-reference', 14, 20]],
    ],
    [
      'workflow-level fallback steps are validated and named',
      `  - name: one
    type: console
    with:
      message: hi`,
      [
        ['duplicate-step-name', 12, 15],
        ['unknown-step-type', 13, 15],
      ],
      'settings:\n  on-failure:\n    fallback:\n      - name: one\n        type: consle\n        with: {}',
    ],
    [
      'durations: http with.timeout, retry max-delay; templated ones are left to run time',
      `  - name: call
    type: http
    with:
      url: https://example.org
      timeout: 10 sec
    on-failure:
      retry:
        max-attempts: 2
        delay: "{{ consts.limit }}s"
        max-delay: 1 hour`,
      [
        ['invalid-duration', 15, 16],
        ['invalid-duration', 20, 20],
      ],
    ],
    [
      'placeholders in consts and connector-id',
      `  - name: page
    type: slack
    connector-id: <%= slack-connector %>
    with:
      message: "{{ consts.channel }}"`,
      [
        ['unfilled-placeholder', 13, 19],
        ['undeclared-const', 15, 20],
      ],
    ],
    // A rest parameter keeps the arity at 3, so Jest does not pass a `done` callback to 3-element rows.
  ])('%s', (_label, steps, expected, ...extra) => {
    expect(findingsOf(workflow(steps, extra[0]))).toEqual(expected);
  });

  it('reads inputs declared as JSON Schema and at the top level (9.3)', () => {
    const source = `name: inputs
inputs:
  - name: legacy
    type: string
triggers:
  - type: manual
    inputs:
      properties:
        host: { type: string }
steps:
  - name: log
    type: console
    with:
      message: "{{ inputs.host }} {{ inputs.legacy }} {{ inputs.other }}"`;
    expect(findingsOf(source)).toEqual([['undeclared-input', 14, 58]]);
  });

  it('accepts a schedule of one minute and warns below', () => {
    const source = (every: string) =>
      `name: s\ntriggers:\n  - type: scheduled\n    with:\n      every: ${every}\nsteps:\n  - name: a\n    type: wait\n    with:\n      duration: 1s`;
    expect(findingsOf(source('1m'))).toEqual([]);
    expect(parseWorkflowYaml(source('500ms')).findings).toEqual([
      {
        code: 'schedule-too-frequent',
        severity: 'warning',
        message:
          'triggers[0]: runs every 500ms, more often than once a minute; Elastic migrates it to 1m, and so does this host',
        line: 5,
        column: 14,
        path: 'triggers.0.with.every',
      },
    ]);
  });
});

describe('secrets in consts', () => {
  it('warns about secret-looking consts, at the const, and not about others', () => {
    const source = `name: s\nconsts:\n  vt_api_key: abc123\n  region: eu\ntriggers:\n  - type: manual\nsteps:\n  - name: a\n    type: console\n    with:\n      message: "{{ consts.vt_api_key }} {{ consts.region }}"`;
    expect(parseWorkflowYaml(source).findings).toEqual([
      {
        code: 'secret-in-consts',
        severity: 'warning',
        message: 'consts.vt_api_key looks like a secret: it is masked in run records, but anyone who can read this workflow sees it; store it in a connector instead',
        line: 3,
        column: 15,
        path: 'consts.vt_api_key',
      },
    ]);
  });
});

describe('messages', () => {
  const messageOf = (steps: string) => parseWorkflowYaml(workflow(steps)).findings.map((f) => f.message);

  it('names the step, the field and the step kind of an unknown key', () => {
    expect(
      messageOf(
        `  - name: a\n    type: console\n    with:\n      message: a\n  - name: b\n    type: console\n    with:\n      message: b\n  - name: notify\n    type: console\n    with:\n      message: hi\n      mesage: hi`
      )
    ).toEqual([
      'steps[2] (name: "notify"): unknown field "mesage" in "with" of a console step (did you mean message?)',
    ]);
  });

  it('suggests the closest step type', () => {
    expect(messageOf('  - name: a\n    type: consle\n    with:\n      message: a')).toEqual([
      'steps[0] (name: "a"): unknown step type "consle" (did you mean console?)',
    ]);
  });

  it('explains connector naming when no type is close', () => {
    expect(messageOf('  - name: a\n    type: frobnicate')).toEqual([
      'steps[0] (name: "a"): unknown step type "frobnicate"; connector steps are named after the connector type, e.g. "slack" or "github.getCommit"',
    ]);
  });

  it('says that a forward reference renders empty', () => {
    expect(
      messageOf(
        '  - name: a\n    type: console\n    with:\n      message: "{{ steps.b.output }}"\n  - name: b\n    type: console\n    with:\n      message: b'
      )
    ).toEqual(['steps[0] (name: "a"): "steps.b" runs later (steps[1] (name: "b")): it renders empty at run time']);
  });

  it('says which placeholder to fill', () => {
    expect(messageOf('  - name: a\n    type: console\n    with:\n      message: "__install__.agent-id"')).toEqual([
      'steps[0] (name: "a"): unfilled placeholder __install__.agent-id: replace it with the "agent-id" field of the template\'s install form',
    ]);
  });

  it('names the missing field and where it is missing', () => {
    expect(messageOf('  - name: pause\n    type: wait\n    with: {}')).toEqual([
      'steps[0] (name: "pause"): missing required field "duration" in "with" of a wait step',
    ]);
  });
});

describe('documents that are not workflows', () => {
  it.each([
    ['an empty document', '', 'invalid-type', 1, 1],
    ['a list', '- a\n- b', 'invalid-type', 1, 1],
    ['two documents', 'name: a\n---\nname: b', 'yaml-syntax', 2, 1],
    ['a duplicate key', 'name: a\nname: b', 'yaml-syntax', 2, 1],
  ])('reports %s', (_label, source, code, line, column) => {
    const result = parseWorkflowYaml(source);
    expect(result.valid).toBe(false);
    expect(result.definition).toBeUndefined();
    expect(result.findings[0]).toMatchObject({ code, line, column });
  });
});

describe('aliases', () => {
  it('reports a document whose aliases expand without bound', () => {
    // Each line lists the previous one nine times: 9^9 values once expanded.
    const names = 'abcdefghi';
    const lines = [...names].map((name, i) => `${name}: &${name} [${Array(9).fill(i ? `*${names[i - 1]}` : 'x')}]`);
    const result = parseWorkflowYaml(lines.join('\n'));
    expect(result.findings).toEqual([expect.objectContaining({ code: 'yaml-syntax', line: 1, column: 1 })]);
  });
});
