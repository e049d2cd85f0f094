import '../test_setup.mocks';
import { act, screen, within } from '@testing-library/react';
import type { ExecutionDto, StepExecutionDto } from '../../../common/api';
import { renderWithServices } from '../services.mocks';
import { ExecutionPage } from './execution_page';

const step = (overrides: Partial<StepExecutionDto>): StepExecutionDto => ({
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

const execution = (overrides: Partial<ExecutionDto>): ExecutionDto => ({
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

describe('ExecutionPage', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls every second while the run is going and stops once it is completed', async () => {
    const answers = [
      execution({ steps: [step({ status: 'running', output: null, finishedAt: null })] }),
      execution({ status: 'completed', finishedAt: '2025-01-01T10:00:01.000Z', steps: [step({})] }),
    ];
    const { calls } = renderWithServices(<ExecutionPage executionId="ex-1" />, {
      'GET /api/workflows-executions/ex-1': () => answers.shift() ?? answers[0],
    });

    expect(await screen.findByTestId('executionInProgress')).toBeInTheDocument();
    expect(within(screen.getByTestId('executionSummary')).getByTestId('executionStatusBadge')).toHaveTextContent('Running');

    await act(() => jest.advanceTimersByTimeAsync(1000));
    expect(within(screen.getByTestId('executionSummary')).getByTestId('executionStatusBadge')).toHaveTextContent('Completed');
    expect(screen.queryByTestId('executionInProgress')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('stepExecution')).getByTestId('executionStatusBadge')).toHaveTextContent('Completed');

    await act(() => jest.advanceTimersByTimeAsync(5000));
    expect(calls).toHaveLength(2);
  });

  it("shows the run's error and each step's error", async () => {
    renderWithServices(<ExecutionPage executionId="ex-1" />, {
      'GET /api/workflows-executions/ex-1': execution({
        status: 'failed',
        finishedAt: '2025-01-01T10:00:01.000Z',
        error: { message: 'step "call" failed: 503 Service Unavailable' },
        steps: [
          step({ name: 'call', type: 'http', path: 'call', status: 'failed', output: null, error: { message: '503 Service Unavailable' } }),
        ],
      }),
    });

    expect(await screen.findByTestId('executionError')).toHaveTextContent('step "call" failed: 503 Service Unavailable');
    expect(screen.getByTestId('stepExecutionError')).toHaveTextContent('503 Service Unavailable');
    // A failed step opens by itself so its error is in view.
    expect(within(screen.getByTestId('stepExecution')).getAllByRole('button', { expanded: true })).not.toHaveLength(0);
  });
});
