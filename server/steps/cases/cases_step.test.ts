import { useFakeKibana } from './fake_kibana_cases';

const { current, run } = useFakeKibana();
const step = (name: string, operation: string, withYaml: string, extra = '') => `  - name: ${name}\n    type: cases.${operation}\n${extra}    with: ${withYaml}\n`;

/** As Elastic's own workflows write it (splunk-enrichment-with-virustotal-and-ai-analysis.yaml). */
const createCase = step('create_case', 'createCase', '{ title: "Investigation: {{ event.rule.name }}", description: d, tags: [automated], severity: high, owner: securitySolution, settings: { syncAlerts: true } }');
const event = {
  rule: { id: 'r-1', name: 'SQL injection' },
  alerts: [
    { _id: 'a-1', _index: '.alerts-security.alerts-default', kibana: { alert: { rule: { uuid: 'r-1', name: 'SQL injection' } } } },
    { _id: 'a-2', _index: '.alerts-security.alerts-default', kibana: { alert: { rule: { uuid: 'r-1', name: 'SQL injection' } } } },
  ],
};

describe('cases.*', () => {
  it('creates a case whose output offers both `output.id` and Elastic\'s `output.case.id`', async () => {
    const { steps } = await run(
      createCase + step('comment', 'addComment', '{ case_id: "{{ steps.create_case.output.case.id }}", comment: "enriched {{ steps.create_case.output.id }}" }'),
      { event }
    );
    expect(current.kibana.requests[0].body).toEqual({
      title: 'Investigation: SQL injection',
      description: 'd',
      tags: ['automated'],
      severity: 'high',
      owner: 'securitySolution',
      settings: { syncAlerts: true },
      connector: { id: 'none', name: 'none', type: '.none', fields: null },
    });
    const created = steps[0].output as Record<string, unknown>;
    expect([created.id, (created.case as { id: string }).id, created.status]).toEqual(['case-1', 'case-1', 'open']);
    expect(current.kibana.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/api/cases', expect.anything()],
      ['GET', '/api/cases/case-1', ''],
      ['POST', '/api/cases/case-1/comments', { type: 'user', comment: 'enriched case-1', owner: 'securitySolution' }],
    ]);
    expect(steps[1].output).toMatchObject({ id: 'case-1', totalComment: 1, case: { id: 'case-1', totalComment: 1 } });
  });

  it('attaches alerts given as written or as alert documents, one attachment per rule, each with its own key', async () => {
    const { execution, steps } = await run(
      createCase +
        step(
          'attach',
          'addAlerts',
          '{ case_id: "{{ steps.create_case.output.case.id }}", owner: securitySolution, alerts: [{ alertId: x-1, index: idx, rule: { id: r-9, name: Other } }, "${{ event.alerts[0] }}", "${{ event.alerts[1] }}"] }'
        ),
      { event }
    );
    expect(execution.status).toBe('completed');
    expect(current.kibana.requests.slice(1).map((r) => [r.url, r.body, r.headers['idempotency-key']])).toEqual([
      ['/api/cases/case-1/comments', { type: 'alert', alertId: 'x-1', index: 'idx', rule: { id: 'r-9', name: 'Other' }, owner: 'securitySolution' }, 'ex-1:attach'],
      [
        '/api/cases/case-1/comments',
        { type: 'alert', alertId: ['a-1', 'a-2'], index: ['.alerts-security.alerts-default', '.alerts-security.alerts-default'], rule: { id: 'r-1', name: 'SQL injection' }, owner: 'securitySolution' },
        'ex-1:attach#2',
      ],
    ]);
    expect(steps[1].output).toMatchObject({ id: 'case-1', totalAlerts: 3 });
  });

  it('updates a case, looking its version up when not given', async () => {
    const { steps } = await run(createCase + step('close', 'updateCase', '{ case_id: "{{ steps.create_case.output.id }}", status: closed, tags: [done] }'), { event });
    expect(current.kibana.requests.slice(1).map((r) => [r.method, r.url, r.body])).toEqual([
      ['GET', '/api/cases/case-1', ''],
      ['PATCH', '/api/cases', { cases: [{ status: 'closed', tags: ['done'], id: 'case-1', version: 'v1' }] }],
    ]);
    expect(steps[1].output).toMatchObject({ id: 'case-1', status: 'closed', tags: ['done'], version: 'v2', case: { id: 'case-1' } });
  });

  it('reads a case and finds cases by tags', async () => {
    const { steps } = await run(
      createCase + step('read', 'getCase', '{ case_id: case-1 }') + step('find', 'findCases', '{ tags: [automated], perPage: 5 }'),
      { event }
    );
    expect(steps[1].output).toMatchObject({ id: 'case-1', case: { id: 'case-1' } });
    expect(current.kibana.requests[2].url).toBe('/api/cases/_find?tags=automated&perPage=5');
    expect(steps[2].output).toMatchObject({ total: 1, cases: [{ id: 'case-1' }] });
  });

  it.each([
    ['an operation it does not have', step('x', 'deleteEverything', '{ case_id: c }'), 'Case operation "cases.deleteEverything" is not implemented here (cases.createCase, cases.getCase, cases.updateCase, cases.addComment, cases.addAlerts, cases.findCases); use kibana.request with the Cases API path instead'],
    ['a comment without text', step('x', 'addComment', '{ case_id: c }'), '`comment` is missing: give the text to add to the case'],
    ['alerts without ids', step('x', 'addAlerts', '{ case_id: c, owner: o, alerts: [{ index: i }] }'), 'Alert 1 needs an id and an index: give alertId (or _id) and index (or _index)'],
  ])('fails clearly on %s, sending nothing', async (_, steps, message) => {
    const { steps: records } = await run(steps);
    expect(records[0].error).toEqual({ message });
    expect(current.kibana.requests).toEqual([]);
  });

  it('fails with Kibana\'s answer on a version conflict, and retries it under a condition', async () => {
    const retry = '    on-failure:\n      retry:\n        max-attempts: 2\n        delay: 1ms\n        condition: "error.details.statusCode : 409"\n';
    const { steps } = await run(createCase + step('close', 'updateCase', '{ case_id: case-1, version: stale, status: closed }', retry), { event });
    expect(steps.slice(1).map((s) => [s.attempt, s.status, s.error?.details?.statusCode])).toEqual([
      [1, 'failed', 409],
      [2, 'failed', 409],
    ]);
    expect(steps[1].error?.message).toBe(
      'HTTP 409 Conflict from PATCH /api/cases: {"statusCode":409,"error":"Conflict","message":"This case case-1 has been updated. Please refresh before saving additional updates."}'
    );
  });

  it('times out and aborts the request', async () => {
    current.kibana.handle(() => ({ delayMs: 5000, body: {} }));
    const { steps } = await run(step('create_case', 'createCase', '{ title: t, description: d }', '    timeout: 100ms\n'));
    expect(steps[0].status).toBe('timed_out');
    await current.kibana.waitForAbort();
  });

  it('proposes the whole chain in a dry run without a single request', async () => {
    const { execution, steps } = await run(
      createCase +
        step('note', 'addComment', '{ case_id: "{{ steps.create_case.output.case.id }}", comment: "hello" }') +
        step('attach', 'addAlerts', '{ case_id: "{{ steps.create_case.output.id }}", alerts: "${{ event.alerts }}" }') +
        step('close', 'updateCase', '{ case_id: "{{ steps.create_case.output.id }}", status: closed }'),
      { dryRun: true, event }
    );
    expect(execution.status).toBe('completed');
    expect(current.kibana.requests).toEqual([]);
    expect(steps.map((s) => s.effects?.map((e) => e.summary))).toEqual([
      ['Create case "Investigation: SQL injection"'],
      ['Comment on case dry-run-case'],
      ['Attach 2 alert(s) to case dry-run-case'],
      ['Update case dry-run-case'],
    ]);
    expect(steps[3].effects?.[0].request).toEqual({ method: 'PATCH', path: '/api/cases', body: { cases: [{ status: 'closed', id: 'dry-run-case', version: 'dry-run' }] } });
    expect(steps[0].output).toMatchObject({ id: 'dry-run-case', case: { id: 'dry-run-case' }, dryRun: true });
  });
});
