import { startFakeHttpService, type FakeHttpService, type RecordedRequest } from '../fake_services';
import { executeType, TEST_CONNECTOR_ID } from './connector_types.mocks';
import { getJiraConnectorType } from './jira';

/** Answers like Jira Cloud's REST API v2 for the calls the connector makes. */
function jiraResponder(request: RecordedRequest) {
  if (request.method === 'POST' && request.path === '/rest/api/2/issue') return { status: 201, body: { id: '10001', key: 'SEC-12', self: 'x' } };
  if (request.method === 'POST' && request.path.endsWith('/comment')) return { status: 201, body: { id: `c${request.path.length}`, created: 'now' } };
  if (request.method === 'PUT') return { status: 204 };
  if (request.method === 'GET') {
    return { body: { id: '10001', key: 'SEC-12', fields: { summary: 'CPU high', created: '2025-01-01T00:00:00.000+0000', updated: '2025-01-02T00:00:00.000+0000' } } };
  }
  return { status: 404, body: 'unexpected call' };
}

describe('.jira', () => {
  let jira: FakeHttpService;
  const type = getJiraConnectorType({ timeoutMs: 5000 });
  const secrets = { email: 'bot@example.com', apiToken: 'ATATT-jira-token-123' };
  const config = () => ({ apiUrl: `${jira.url}/`, projectKey: 'SEC' });

  beforeEach(async () => {
    jira = await startFakeHttpService(jiraResponder);
  });
  afterEach(() => jira.close());

  it('creates an issue with Basic auth, then adds the comments', async () => {
    const result = await executeType(type, {
      config: config(),
      secrets,
      params: {
        subAction: 'pushToService',
        subActionParams: {
          incident: { summary: 'CPU high', description: 'on host-1', issueType: 'Bug', priority: 'High', labels: ['cpu', 'prod'], parent: 'SEC-1' },
          comments: [{ comment: 'first look', commentId: 'k1' }],
        },
      },
    });

    expect(result).toEqual({
      actionId: TEST_CONNECTOR_ID,
      status: 'ok',
      data: {
        id: '10001',
        title: 'SEC-12',
        pushedDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        url: `${jira.url}/browse/SEC-12`,
        comments: [{ commentId: 'k1', externalCommentId: expect.any(String), pushedDate: expect.any(String) }],
      },
    });
    expect(jira.requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      {
        method: 'POST',
        path: '/rest/api/2/issue',
        body: {
          fields: {
            summary: 'CPU high',
            project: { key: 'SEC' },
            issuetype: { name: 'Bug' },
            description: 'on host-1',
            priority: { name: 'High' },
            labels: ['cpu', 'prod'],
            parent: { key: 'SEC-1' },
          },
        },
      },
      { method: 'POST', path: '/rest/api/2/issue/10001/comment', body: { body: 'first look' } },
    ]);
    expect(jira.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('bot@example.com:ATATT-jira-token-123').toString('base64')}`);
  });

  it('updates an existing issue by external id and takes issue type ids as ids', async () => {
    const result = await executeType(type, {
      config: config(),
      secrets,
      params: { subAction: 'pushToService', subActionParams: { incident: { summary: 'CPU high', externalId: 'SEC-12', issueType: '10004' } } },
    });
    expect(result.data).toMatchObject({ id: '10001', title: 'SEC-12' });
    expect(jira.requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'PUT', path: '/rest/api/2/issue/SEC-12', body: { fields: { summary: 'CPU high', issuetype: { id: '10004' } } } },
      { method: 'GET', path: '/rest/api/2/issue/SEC-12?fields=created', body: '' },
    ]);
  });

  it('reads an issue back with getIncident', async () => {
    const result = await executeType(type, { config: config(), secrets, params: { subAction: 'getIncident', subActionParams: { externalId: 'SEC-12' } } });
    expect(result.data).toEqual({
      id: '10001',
      key: 'SEC-12',
      summary: 'CPU high',
      created: '2025-01-01T00:00:00.000+0000',
      updated: '2025-01-02T00:00:00.000+0000',
    });
  });

  it("reports Jira's error with the status and body, never the token", async () => {
    jira.respondWith((request) => ({ status: 400, body: { errorMessages: [], errors: { summary: 'Field required' }, auth: request.headers.authorization } }));
    const result = await executeType(type, {
      config: config(),
      secrets,
      params: { subAction: 'pushToService', subActionParams: { incident: { summary: 'x' } } },
    });
    expect(result).toEqual({
      actionId: TEST_CONNECTOR_ID,
      status: 'error',
      message: 'an error occurred while running the action',
      serviceMessage: '[Action][Jira]: Unable to create incident. Error: [400] Bad Request: {"errorMessages":[],"errors":{"summary":"Field required"},"auth":"Basic [REDACTED]"}',
      retry: true,
      errorSource: 'framework',
    });
  });

  it.each([
    [{ subAction: 'pushToService', subActionParams: { incident: {} } }, 'error validating action params: [subActionParams.incident.summary]: expected value of type [string] but got [undefined]'],
    [{ subAction: 'pushToService', subActionParams: { incident: { summary: 'x', labels: ['two words'] } } }, 'error validating action params: [subActionParams.incident.labels.0]: Labels cannot contain spaces.'],
    [{ subAction: 'getIncident', subActionParams: {} }, 'error validating action params: [subActionParams.externalId]: expected value of type [string] but got [undefined]'],
  ])('rejects params %j', async (params, message) => {
    expect(await executeType(type, { config: config(), secrets, params })).toMatchObject({ status: 'error', message });
  });
});
