/**
 * The workflows HTTP API on a real host: real HTTP on loopback, a temp SQLite data folder,
 * runs through Task Manager. Covers the happy path and every error path the API promises.
 */
import type { ExecutionDto, WorkflowDto } from '../../../common/api';
import { getWorkflowJsonSchema } from '../../../common/spec';
import { startTestHost, type TestHost } from '../test_utils';

const YAML = `name: Greet hosts
description: Says hello to each host
tags: [demo, hosts]
triggers:
  - type: manual
    inputs:
      - name: greeting
        type: string
        default: Hello
steps:
  - name: remember
    type: data.set
    with:
      hosts: \${{ inputs.hosts }}
  - name: each
    type: foreach
    foreach: "{{ variables.hosts }}"
    steps:
      - name: say
        type: console
        with:
          message: "{{ inputs.greeting }} {{ foreach.item }}"
  - name: check
    type: if
    condition: "inputs.hosts : db-1"
    steps:
      - name: db
        type: console
        with: { message: "a database is in the list" }
    else:
      - name: nodb
        type: console
        with: { message: "no database" }
`;

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.stop();
});

const createWorkflow = async (yaml = YAML) => {
  const res = await host.request('POST', '/api/workflows', { body: { yaml } });
  expect(res.status).toBe(200);
  return res.body as WorkflowDto;
};

const waitForTerminal = async (executionId: string): Promise<ExecutionDto> => {
  let last: ExecutionDto | undefined;
  await host.waitFor(
    async () => {
      const res = await host.request('GET', `/api/workflows-executions/${executionId}`);
      last = res.body;
      return ['completed', 'failed', 'cancelled', 'timed_out'].includes(res.body.status);
    },
    { timeoutMs: 10_000 }
  );
  return last!;
};

describe('workflows API', () => {
  it('reports status available in Kibana’s shape without credentials', async () => {
    const res = await host.request('GET', '/api/status', { auth: false });
    expect(res.status).toBe(200);
    expect(res.body.status.overall.level).toBe('available');
  });

  it('creates, reads, runs a workflow and records every step', async () => {
    const created = await createWorkflow();
    expect(created).toMatchObject({ name: 'Greet hosts', description: 'Says hello to each host', tags: ['demo', 'hosts'], enabled: true, valid: true, revision: 1, triggerTypes: ['manual'] });
    expect(created.id).toMatch(/^workflow-/);

    const fetched = await host.request('GET', `/api/workflows/${created.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.yaml).toBe(YAML);

    const run = await host.request('POST', `/api/workflows/${created.id}/run`, { body: { inputs: { hosts: ['web-1', 'db-1'] } } });
    expect(run.status).toBe(200);
    expect(typeof run.body.workflowExecutionId).toBe('string');

    const execution = await waitForTerminal(run.body.workflowExecutionId);
    expect(execution).toMatchObject({ id: run.body.workflowExecutionId, workflowId: created.id, status: 'completed', isTestRun: false, triggeredBy: 'manual' });
    expect(execution.startedAt).not.toBeNull();
    expect(execution.finishedAt).not.toBeNull();
    expect(execution.steps.map((s) => [s.name, s.type, s.status, s.output])).toEqual([
      ['remember', 'data.set', 'completed', { hosts: ['web-1', 'db-1'] }],
      ['each', 'foreach', 'completed', { total: 2, iterations: 2 }],
      ['say', 'console', 'completed', 'Hello web-1'],
      ['say', 'console', 'completed', 'Hello db-1'],
      ['check', 'if', 'completed', { conditionResult: true }],
      ['db', 'console', 'completed', 'a database is in the list'],
    ]);
    expect(execution.steps[2]).toMatchObject({ path: 'each[0]>say', attempt: 1, input: { message: 'Hello web-1' } });

    const list = await host.request('GET', `/api/workflows/${created.id}/executions`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.results[0]).toMatchObject({ id: execution.id, status: 'completed' });

    const search = await host.request('POST', '/api/workflows/search', { body: { query: 'greet' } });
    expect(search.status).toBe(200);
    const found = search.body.results.find((w: WorkflowDto) => w.id === created.id);
    expect(found.lastExecution).toMatchObject({ id: execution.id, status: 'completed' });
  });

  it('lists executions newest first', async () => {
    const { id } = await createWorkflow();
    const first = await host.request('POST', `/api/workflows/${id}/run`, { body: { inputs: { hosts: [] } } });
    await waitForTerminal(first.body.workflowExecutionId);
    const second = await host.request('POST', `/api/workflows/${id}/run`, { body: { inputs: { hosts: ['x'] } } });
    await waitForTerminal(second.body.workflowExecutionId);
    const list = await host.request('GET', `/api/workflows/${id}/executions`);
    expect(list.body.results.map((e: ExecutionDto) => e.id)).toEqual([second.body.workflowExecutionId, first.body.workflowExecutionId]);
  });

  it('updates YAML and enabled, keeping a new revision', async () => {
    const { id } = await createWorkflow();
    const renamed = await host.request('PUT', `/api/workflows/${id}`, { body: { yaml: YAML.replace('Greet hosts', 'Greet all hosts') } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Greet all hosts', revision: 2 });
    const disabled = await host.request('PUT', `/api/workflows/${id}`, { body: { enabled: false } });
    expect(disabled.body).toMatchObject({ enabled: false, revision: 3 });
    const empty = await host.request('PUT', `/api/workflows/${id}`, { body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('[request body]: provide "yaml" and/or "enabled"');
  });

  it('refuses to run a disabled workflow with 400 "Workflow is disabled"', async () => {
    const { id } = await createWorkflow();
    await host.request('PUT', `/api/workflows/${id}`, { body: { enabled: false } });
    const res = await host.request('POST', `/api/workflows/${id}/run`, { body: {} });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'Workflow is disabled' });
  });

  it('rejects YAML that does not parse with 400 and the line and column', async () => {
    const res = await host.request('POST', '/api/workflows', { body: { yaml: 'name: broken\nsteps:\n  - name: a\n   type: console\n' } });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^Invalid workflow YAML: line 4, column \d+: /);
    expect(res.body.attributes.findings[0]).toMatchObject({ code: 'yaml-syntax', line: 4, severity: 'error' });
    const search = await host.request('POST', '/api/workflows/search', { body: { query: 'broken' } });
    expect(search.body.total).toBe(0);
  });

  it('saves a schema-invalid workflow as invalid and disabled, and will not run it', async () => {
    const created = await createWorkflow('name: Half done\ntriggers:\n  - type: manual\nsteps:\n  - name: a\n    type: console\n    with:\n      mesage: typo\n');
    expect(created.valid).toBe(false);
    expect(created.enabled).toBe(false);
    expect(created.validationErrors.find((f) => f.severity === 'error')).toMatchObject({ line: 8 });
    const enable = await host.request('PUT', `/api/workflows/${created.id}`, { body: { enabled: true } });
    expect(enable.status).toBe(400);
    expect(enable.body.message).toMatch(/^Workflow is not valid and cannot be enabled: line 8, column \d+: /);
  });

  it('answers 404 for unknown workflows and executions', async () => {
    for (const [method, path] of [
      ['GET', '/api/workflows/nope'],
      ['PUT', '/api/workflows/nope'],
      ['DELETE', '/api/workflows/nope'],
      ['POST', '/api/workflows/nope/run'],
      ['GET', '/api/workflows/nope/executions'],
      ['GET', '/api/workflows-executions/nope'],
    ] as const) {
      const res = await host.request(method, path, { body: method === 'PUT' ? { enabled: true } : method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    const res = await host.request('GET', '/api/workflows/nope');
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Workflow [nope] not found' });
  });

  it('deletes a workflow', async () => {
    const { id } = await createWorkflow();
    expect((await host.request('DELETE', `/api/workflows/${id}`)).status).toBe(200);
    expect((await host.request('GET', `/api/workflows/${id}`)).status).toBe(404);
  });

  it('requires the kbn-xsrf header on writes', async () => {
    const res = await host.request('POST', '/api/workflows', { body: { yaml: YAML }, xsrf: false });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Request must contain a kbn-xsrf header.');
  });

  it('requires credentials', async () => {
    const none = await host.request('GET', '/api/workflows/whatever', { auth: false });
    expect(none.status).toBe(401);
    const wrong = await host.request('POST', '/api/workflows/search', { body: {}, auth: { username: host.username, password: 'wrong' } });
    expect(wrong.status).toBe(401);
  });

  it('validates request bodies with Kibana’s messages', async () => {
    const res = await host.request('POST', '/api/workflows', { body: { yaml: YAML, extra: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('[request body.extra]: definition for this key is missing');
    const missing = await host.request('POST', '/api/workflows', { body: {} });
    expect(missing.body.message).toBe('[request body.yaml]: expected value of type [string] but got [undefined]');
  });

  it('serves the JSON Schema of the workflow language', async () => {
    const res = await host.request('GET', '/api/workflows/workflow-json-schema');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(getWorkflowJsonSchema());
    expect(JSON.stringify(res.body)).toContain('"console"');
  });
});

describe('persistence', () => {
  it('keeps workflows and executions across a restart of the host', async () => {
    const first = await startTestHost();
    const created = await first.request('POST', '/api/workflows', { body: { yaml: YAML } });
    const run = await first.request('POST', `/api/workflows/${created.body.id}/run`, { body: { inputs: { hosts: ['a'] } } });
    await first.waitFor(async () => (await first.request('GET', `/api/workflows-executions/${run.body.workflowExecutionId}`)).body.status === 'completed', { timeoutMs: 10_000 });
    await first.stop({ keepDataDir: true });

    const second = await startTestHost({ dataDir: first.dataDir });
    try {
      const fetched = await second.request('GET', `/api/workflows/${created.body.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body).toMatchObject({ name: 'Greet hosts', yaml: YAML, lastExecution: { id: run.body.workflowExecutionId, status: 'completed' } });
      const execution = await second.request('GET', `/api/workflows-executions/${run.body.workflowExecutionId}`);
      expect(execution.body.steps.map((s: { name: string }) => s.name)).toEqual(['remember', 'each', 'say', 'check', 'nodb']);
    } finally {
      await second.stop();
    }
  });
});
