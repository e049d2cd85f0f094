/**
 * Kibana's cases HTTP API on a real host: create, find, get, patch and attachments, with the
 * exact response shapes and the error answers.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAlertingTestPlugin, newAlertingProbe } from '../alerting/alerting.mocks';
import { createTempDataDir, startTestHost, type TestHost } from '../test_utils';

const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const ADMIN = { username: 'test-admin', full_name: null, email: null };
const NONE_CONNECTOR = { id: 'none', name: 'none', type: '.none', fields: null };

const newCase = (overrides: Record<string, unknown> = {}) => ({
  title: 'SQL injection on db-1',
  description: 'Defender flagged a suspicious query',
  tags: ['sql', 'prod'],
  owner: 'cases',
  connector: NONE_CONNECTOR,
  settings: { syncAlerts: false },
  ...overrides,
});

let host: TestHost;
const reader = { username: 'reader', password: 'reader-pw' };

beforeAll(async () => {
  const dataDir = await createTempDataDir();
  writeFileSync(join(dataDir, 'host.yml'), `auth:\n  users:\n    - { username: reader, password: reader-pw, privileges: [cases_read] }\n`);
  host = await startTestHost({ plugin: createAlertingTestPlugin(newAlertingProbe()), dataDir, configPath: join(dataDir, 'host.yml') });
});
afterAll(async () => {
  await host?.stop();
});

const create = async (overrides: Record<string, unknown> = {}) => {
  const res = await host.request('POST', '/api/cases', { body: newCase(overrides) });
  expect(res.status).toBe(200);
  return res.body;
};

describe('POST /api/cases', () => {
  it('creates an open case with Kibana defaults', async () => {
    expect(await create()).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      version: 'WzEsMV0=',
      title: 'SQL injection on db-1',
      description: 'Defender flagged a suspicious query',
      status: 'open',
      severity: 'low',
      tags: ['sql', 'prod'],
      owner: 'cases',
      connector: NONE_CONNECTOR,
      settings: { syncAlerts: false },
      assignees: [],
      category: null,
      customFields: [],
      duration: null,
      created_at: ISO,
      created_by: ADMIN,
      updated_at: null,
      updated_by: null,
      closed_at: null,
      closed_by: null,
      external_service: null,
      totalComment: 0,
      totalAlerts: 0,
      comments: [],
    });
  });

  it.each([
    ['no title', { title: undefined }, '[request body.title]: expected value of type [string] but got [undefined]'],
    ['a blank title', { title: '   ' }, '[request body.title]: The title field cannot be an empty string.'],
    ['a 161-character title', { title: 'x'.repeat(161) }, '[request body.title]: The length of the title is too long. The maximum length is 160.'],
    ['an empty tag', { tags: ['ok', ''] }, '[request body.tags.1]: The tag field cannot be an empty string.'],
    ['201 tags', { tags: Array.from({ length: 201 }, (_, i) => `t${i}`) }, '[request body.tags]: The length of the field tags is too long. Array must be of length <= 200.'],
    ['a 51-character category', { category: 'c'.repeat(51) }, '[request body.category]: The length of the category is too long. The maximum length is 50.'],
    ['a status (not settable on create)', { status: 'closed' }, '[request body.status]: definition for this key is missing'],
    ['settings without syncAlerts', { settings: {} }, '[request body.settings.syncAlerts]: expected value of type [boolean] but got [undefined]'],
  ])('rejects %s', async (_label, overrides, message) => {
    const res = await host.request('POST', '/api/cases', { body: newCase(overrides) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message });
  });

  it('refuses an owner Kibana does not know, and users without cases_all', async () => {
    const unknownOwner = await host.request('POST', '/api/cases', { body: newCase({ owner: 'nobody' }) });
    expect(unknownOwner.status).toBe(403);
    expect(unknownOwner.body.message).toBe('Unauthorized to create case with owners: "nobody"');
    const readOnly = await host.request('POST', '/api/cases', { body: newCase(), auth: reader });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.message).toBe('API [POST /api/cases] is unauthorized for user, this action is granted by the Kibana privileges [cases_all]');
  });
});

describe('attachments and GET /api/cases/{case_id}', () => {
  it('adds a user comment and an alert attachment and counts them', async () => {
    const created = await create({ severity: 'high' });
    const commented = await host.request('POST', `/api/cases/${created.id}/comments`, { body: { type: 'user', comment: 'Looking into it', owner: 'cases' } });
    expect(commented.status).toBe(200);
    expect(commented.body).toMatchObject({ id: created.id, version: 'WzIsMV0=', totalComment: 1, totalAlerts: 0, updated_by: ADMIN, updated_at: ISO });
    expect(commented.body.comments).toEqual([
      {
        id: expect.any(String),
        version: 'WzEsMV0=',
        type: 'user',
        comment: 'Looking into it',
        owner: 'cases',
        created_at: ISO,
        created_by: ADMIN,
        pushed_at: null,
        pushed_by: null,
        updated_at: null,
        updated_by: null,
      },
    ]);

    const alert = { type: 'alert', alertId: ['a-1', 'a-2'], index: ['.internal.alerts-stack.alerts-default-000001', '.internal.alerts-stack.alerts-default-000001'], rule: { id: 'r-1', name: 'Webhook' }, owner: 'cases' };
    const attached = await host.request('POST', `/api/cases/${created.id}/comments`, { body: alert });
    expect(attached.status).toBe(200);
    expect(attached.body).toMatchObject({ totalComment: 1, totalAlerts: 2 });
    expect(attached.body.comments[1]).toMatchObject(alert);

    const fetched = await host.request('GET', `/api/cases/${created.id}`, { auth: reader });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(attached.body);
    const withoutComments = await host.request('GET', `/api/cases/${created.id}?includeComments=false`);
    expect(withoutComments.body).toMatchObject({ comments: [], totalComment: 1, totalAlerts: 2 });

    const page = await host.request('GET', `/api/cases/${created.id}/comments/_find?perPage=1&sortOrder=asc`);
    expect(page.body).toMatchObject({ page: 1, per_page: 1, total: 2, comments: [{ type: 'user' }] });
  });

  it.each([
    ['alert fields on a user comment', { type: 'user', comment: 'hi', owner: 'cases', alertId: 'x' }, "[request body.alertId]: a value wasn't expected to be present"],
    [
      'more alert ids than indices',
      { type: 'alert', alertId: ['a', 'b'], index: 'i', rule: { id: null, name: null }, owner: 'cases' },
      'Received an alert comment with ids and indices arrays of different lengths.',
    ],
    ['an owner other than the case', { type: 'user', comment: 'hi', owner: 'securitySolution' }, 'The owner field of the comment must match the case'],
    ['an empty comment', { type: 'user', comment: '', owner: 'cases' }, '[request body.comment]: The comment field cannot be an empty string.'],
  ])('rejects an attachment with %s', async (_label, body, message) => {
    const created = await create();
    const res = await host.request('POST', `/api/cases/${created.id}/comments`, { body });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  it('answers 404 for a case that does not exist', async () => {
    const res = await host.request('GET', '/api/cases/nope');
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Saved object [cases/nope] not found');
    const comment = await host.request('POST', '/api/cases/nope/comments', { body: { type: 'user', comment: 'hi', owner: 'cases' } });
    expect(comment.status).toBe(404);
  });
});

describe('PATCH /api/cases', () => {
  it('closes a case: closed_at, closed_by, duration and a new version', async () => {
    const created = await create();
    const res = await host.request('PATCH', '/api/cases', { body: { cases: [{ id: created.id, version: created.version, status: 'closed', title: 'Resolved' }] } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        ...created,
        version: 'WzIsMV0=',
        title: 'Resolved',
        status: 'closed',
        closed_at: ISO,
        closed_by: ADMIN,
        duration: expect.any(Number),
        updated_at: ISO,
        updated_by: ADMIN,
      },
    ]);

    const reopened = await host.request('PATCH', '/api/cases', { body: { cases: [{ id: created.id, version: 'WzIsMV0=', status: 'open' }] } });
    expect(reopened.body[0]).toMatchObject({ status: 'open', closed_at: null, closed_by: null, duration: null, version: 'WzMsMV0=' });
  });

  it('answers 409 for a stale version, 406 for no change, 404 for unknown ids, and changes nothing then', async () => {
    const first = await create();
    const second = await create();
    const stale = await host.request('PATCH', '/api/cases', {
      body: { cases: [{ id: first.id, version: first.version, title: 'A' }, { id: second.id, version: 'WzksMV0=', title: 'B' }] },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe(`These cases ${second.id} has been updated. Please refresh before saving additional updates.`);
    expect((await host.request('GET', `/api/cases/${first.id}`)).body.title).toBe(first.title);

    const same = await host.request('PATCH', '/api/cases', { body: { cases: [{ id: first.id, version: first.version, title: first.title }] } });
    expect(same.status).toBe(406);
    expect(same.body.message).toBe('All update fields are identical to current version.');

    const missing = await host.request('PATCH', '/api/cases', { body: { cases: [{ id: 'gone', version: 'WzEsMV0=', title: 'x' }] } });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('These cases gone do not exist. Please check you have the correct ids.');
  });
});

describe('GET /api/cases/_find', () => {
  it('filters, counts by status, sorts and pages', async () => {
    const tag = `find-${Date.now()}`;
    const a = await create({ title: 'Alpha ransomware', tags: [tag], severity: 'critical' });
    await create({ title: 'Beta phishing', tags: [tag], severity: 'medium' });
    const c = await create({ title: 'Gamma ransomware', tags: [tag] });
    await host.request('PATCH', '/api/cases', { body: { cases: [{ id: c.id, version: c.version, status: 'in-progress' }] } });

    const all = await host.request('GET', `/api/cases/_find?tags=${tag}&sortField=title&sortOrder=asc&perPage=2`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, per_page: 2, total: 3, count_open_cases: 2, count_in_progress_cases: 1, count_closed_cases: 0 });
    expect(all.body.cases.map((found: { title: string }) => found.title)).toEqual(['Alpha ransomware', 'Beta phishing']);
    expect(all.body.cases[0]).toMatchObject({ id: a.id, comments: [], totalComment: 0 });

    const open = await host.request('GET', `/api/cases/_find?tags=${tag}&status=open&search=ransomware`);
    expect(open.body).toMatchObject({ total: 1, count_open_cases: 1, count_in_progress_cases: 1 });
    expect(open.body.cases[0].id).toBe(a.id);

    const severe = await host.request('GET', `/api/cases/_find?tags=${tag}&severity=critical&severity=low`, { auth: reader });
    expect(severe.body.cases.map((found: { id: string }) => found.id).sort()).toEqual([a.id, c.id].sort());
  });

  it('rejects a page size above 100', async () => {
    const res = await host.request('GET', '/api/cases/_find?perPage=101');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('[request query.perPage]: Value must be equal to or lower than [100].');
  });
});
