/* Executions and step executions as the API returns them, for the execution page's tests. */
import type { ExecutionDto, StepExecutionDto } from '../../../common/api';

export const step = (overrides: Partial<StepExecutionDto>): StepExecutionDto => ({
  id: 'st-1',
  name: 'say',
  type: 'console',
  path: 'say',
  status: 'completed',
  input: { message: 'Hello web-1' },
  output: 'Hello web-1',
  attempt: 1,
  startedAt: '2025-01-01T10:00:00.000Z',
  finishedAt: '2025-01-01T10:00:00.020Z',
  ...overrides,
});

export const execution = (overrides: Partial<ExecutionDto>): ExecutionDto => ({
  id: 'ex-1',
  workflowId: 'wf-1',
  workflowName: 'Greet hosts',
  status: 'running',
  isTestRun: false,
  triggeredBy: 'manual',
  startedAt: '2025-01-01T10:00:00.000Z',
  finishedAt: null,
  steps: [],
  ...overrides,
});

/** A finished dry run: two http posts inside a foreach, a case, and a console step between them. */
export const dryRun = execution({
  status: 'completed',
  dryRun: true,
  finishedAt: '2025-01-01T10:00:01.000Z',
  steps: [
    step({
      id: 'st-1',
      name: 'notify',
      type: 'http',
      path: 'hosts[0]>notify',
      output: { status: 0, dryRun: true, data: null },
      effects: [
        {
          kind: 'http',
          summary: 'POST https://hooks.example.com/soc',
          request: { method: 'POST', url: 'https://hooks.example.com/soc', body: { text: 'isolate web-1' } },
        },
      ],
    }),
    step({ id: 'st-2', name: 'say', path: 'say' }),
    step({
      id: 'st-3',
      name: 'notify',
      type: 'http',
      path: 'hosts[1]>notify',
      effects: [
        {
          kind: 'http',
          summary: 'POST https://hooks.example.com/soc',
          request: { method: 'POST', url: 'https://hooks.example.com/soc', body: { text: 'isolate db-1' } },
        },
      ],
    }),
    step({
      id: 'st-4',
      name: 'open_case',
      type: 'kibana.createCaseDefaultSpace',
      path: 'open_case',
      effects: [
        { kind: 'case', summary: 'Create case "Isolated 2 hosts"', request: { title: 'Isolated 2 hosts' } },
        { kind: 'vendor-thing', summary: 'Something new', request: {} },
      ],
    }),
  ],
});
