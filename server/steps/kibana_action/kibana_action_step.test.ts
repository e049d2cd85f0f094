import { KNOWN_KIBANA_ACTIONS } from '../../../common/spec/steps/kibana';
import { useFakeKibana } from '../cases/fake_kibana_cases';
import { KIBANA_ACTIONS } from './kibana_action_step';

const { current, run } = useFakeKibana();
const action = (name: string, type: string, withYaml: string, extra = '') => `  - name: ${name}\n    type: kibana.${type}\n${extra}    with: ${withYaml}\n`;

const createCase = action('create', 'createCaseDefaultSpace', '{ title: "Malware on {{ inputs.host }}", description: "Seen by EDR", severity: high }');
const NO_CONNECTOR = { id: 'none', name: 'none', type: '.none', fields: null };

describe('kibana.<action>: cases', () => {
  it('creates a case with Kibana defaults, then comments on it, reads it and updates it by its output id', async () => {
    const { execution, steps } = await run(
      createCase +
        action('comment', 'addCaseCommentDefaultSpace', '{ caseId: "{{ steps.create.output.id }}", type: user, comment: "triage started", owner: securitySolution }') +
        action('read', 'getCaseDefaultSpace', '{ caseId: "{{ steps.create.output.id }}" }') +
        action('close', 'updateCaseDefaultSpace', '{ cases: [{ id: "{{ steps.read.output.id }}", version: "{{ steps.read.output.version }}", status: closed }] }'),
      { inputs: { host: 'web-1' } }
    );
    expect(execution.status).toBe('completed');
    expect(current.kibana.requests.map((r) => [r.method, r.url, r.headers['idempotency-key']])).toEqual([
      ['POST', '/api/cases', 'ex-1:create'],
      ['POST', '/api/cases/case-1/comments', 'ex-1:comment'],
      ['GET', '/api/cases/case-1', undefined],
      ['PATCH', '/api/cases', 'ex-1:close'],
    ]);
    expect(current.kibana.requests[0].body).toEqual({
      title: 'Malware on web-1',
      description: 'Seen by EDR',
      severity: 'high',
      tags: [],
      connector: NO_CONNECTOR,
      settings: { syncAlerts: false },
      owner: 'securitySolution',
    });
    expect(steps[0].output).toMatchObject({ id: 'case-1', title: 'Malware on web-1', status: 'open', version: 'v1' });
    expect(steps[1].output).toMatchObject({ id: 'case-1', totalComment: 1, comments: [{ type: 'user', comment: 'triage started', owner: 'securitySolution', id: 'comment-1' }] });
    expect(steps[3].output).toEqual([expect.objectContaining({ id: 'case-1', status: 'closed', version: 'v3' })]);
    expect(current.fake.cases.get('case-1')?.status).toBe('closed');
  });

  it('looks the owner of a comment up from the case when the step does not give it', async () => {
    const { steps } = await run(createCase + action('comment', 'addCaseCommentDefaultSpace', '{ case_id: "{{ steps.create.output.id }}", comment: "note" }'), { inputs: { host: 'h' } });
    expect(current.kibana.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/cases', 'GET /api/cases/case-1', 'POST /api/cases/case-1/comments']);
    expect(current.kibana.requests[2].body).toEqual({ type: 'user', comment: 'note', owner: 'securitySolution' });
    expect(steps[1].status).toBe('completed');
  });

  it('fails with Kibana\'s answer when the case does not exist', async () => {
    const { steps } = await run(action('read', 'getCaseDefaultSpace', '{ caseId: nope }'));
    const body = { statusCode: 404, error: 'Not Found', message: 'Saved object [cases/nope] not found' };
    expect(steps[0].error).toEqual({ message: `HTTP 404 Not Found from GET /api/cases/nope: ${JSON.stringify(body)}`, details: { statusCode: 404, body } });
  });

  it('fails clearly without a case id', async () => {
    const { steps } = await run(action('read', 'getCaseDefaultSpace', '{ includeComments: true }'));
    expect(steps[0].error).toEqual({ message: 'The case id is missing: give `case_id`' });
  });
});

describe('kibana.<action>: alerts', () => {
  it.each([
    ['SetAlertsStatus', '{ status: closed, signal_ids: ["{{ inputs.alertid }}"], reason: false_positive }', '/api/detection_engine/signals/status', { status: 'closed', signal_ids: ['a-1'], reason: 'false_positive' }],
    ['SetAlertTags', '{ ids: ["{{ inputs.alertid }}"], tags: { tags_to_add: [fp], tags_to_remove: [] } }', '/api/detection_engine/signals/tags', { ids: ['a-1'], tags: { tags_to_add: ['fp'], tags_to_remove: [] } }],
  ])('%s posts its body as written and outputs Kibana\'s answer', async (type, withYaml, path, body) => {
    const { steps } = await run(action('alerts', type, withYaml), { inputs: { alertid: 'a-1' } });
    expect(current.kibana.requests.map((r) => [r.method, r.url, r.body, r.headers['idempotency-key']])).toEqual([['POST', path, body, 'ex-1:alerts']]);
    expect(steps[0].output).toEqual({ took: 3, total: 1, updated: 1, failures: [] });
  });

  it('implements exactly the actions the editor knows, so it warns about all the others', () => {
    expect(KIBANA_ACTIONS).toEqual([...KNOWN_KIBANA_ACTIONS]);
  });

  it('fails clearly for an action it does not implement', async () => {
    const { steps } = await run(action('x', 'DeleteRule', '{ id: r1 }'));
    expect(steps[0].error).toEqual({ message: 'Kibana action "DeleteRule" is not implemented here; use kibana.request with its HTTP path instead' });
    expect(current.kibana.requests).toEqual([]);
  });
});

describe('kibana.<action>: retry, timeout, dry run', () => {
  it('retries a 503 and sends the same idempotency key again', async () => {
    let calls = 0;
    current.kibana.handle((request) => (++calls === 1 ? { status: 503, body: 'not ready' } : current.fake.handler(request)));
    const retry = '    on-failure:\n      retry:\n        max-attempts: 2\n        delay: 1ms\n        condition: "error.details.statusCode >= 500"\n';
    const { execution, steps } = await run(action('create', 'createCaseDefaultSpace', '{ title: t, description: d }', retry));
    expect([execution.status, steps.map((s) => s.status)]).toEqual(['completed', ['failed', 'completed']]);
    expect(current.kibana.requests.map((r) => r.headers['idempotency-key'])).toEqual(['ex-1:create', 'ex-1:create']);
  });

  it('times out and aborts the request', async () => {
    current.kibana.handle(() => ({ delayMs: 5000, body: {} }));
    const { steps } = await run(action('alerts', 'SetAlertsStatus', '{ status: closed, signal_ids: [a] }', '    timeout: 100ms\n'));
    expect(steps[0].status).toBe('timed_out');
    await current.kibana.waitForAbort();
  });

  it('proposes case and alert effects without sending anything, and the chain renders on the synthetic case', async () => {
    const { execution, steps } = await run(
      createCase +
        action('comment', 'addCaseCommentDefaultSpace', '{ caseId: "{{ steps.create.output.id }}", comment: "found on {{ inputs.host }}" }') +
        action('alerts', 'SetAlertsStatus', '{ status: acknowledged, signal_ids: [a-1, a-2] }'),
      { dryRun: true, inputs: { host: 'web-1' } }
    );
    expect(execution.status).toBe('completed');
    expect(current.kibana.requests).toEqual([]);
    expect(steps.map((s) => s.effects?.map(({ kind, summary }) => [kind, summary]))).toEqual([
      [['case', 'Create case "Malware on web-1"']],
      [['case', 'Comment on case dry-run-case']],
      [['alert', 'Set 2 alert(s) to "acknowledged"']],
    ]);
    expect(steps[0].output).toMatchObject({ id: 'dry-run-case', title: 'Malware on web-1', status: 'open', severity: 'high', owner: 'securitySolution', dryRun: true });
    expect(steps[1].effects?.[0].request).toEqual({
      method: 'POST',
      path: '/api/cases/dry-run-case/comments',
      body: { type: 'user', comment: 'found on web-1', owner: 'securitySolution' },
    });
    expect(steps[2].output).toEqual({ dryRun: true, total: 2, updated: 2 });
  });
});
