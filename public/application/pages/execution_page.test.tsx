import '../test_setup.mocks';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithServices } from '../services.mocks';
import { ExecutionPage } from './execution_page';
import { execution, step } from './execution_page.mocks';

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

  it('shows the output, the test-run badge and a link to the parent run', async () => {
    renderWithServices(<ExecutionPage executionId="ex-1" />, {
      'GET /api/workflows-executions/ex-1': execution({
        status: 'completed',
        isTestRun: true,
        parentExecutionId: 'ex-0',
        output: { isolated: ['web-1'] },
        finishedAt: '2025-01-01T10:00:01.000Z',
      }),
    });

    expect(await screen.findByTestId('testRunBadge')).toHaveTextContent('Test run');
    expect(screen.getByTestId('executionOutput')).toHaveTextContent('{ "isolated": [ "web-1" ] }');
    expect(screen.getByTestId('parentExecutionLink')).toHaveAttribute('href', '/app/workflows/execution/ex-0');
    expect(screen.queryByTestId('cancelExecutionButton')).not.toBeInTheDocument();
  });

  it('lists the log lines with level, time, step and message', async () => {
    const { calls } = renderWithServices(<ExecutionPage executionId="ex-1" />, {
      'GET /api/workflows-executions/ex-1': execution({ status: 'completed', finishedAt: '2025-01-01T10:00:01.000Z', steps: [step({})] }),
      'GET /api/workflows-executions/ex-1/logs': {
        results: [
          { level: 'info', message: 'run started', timestamp: '2025-01-01T10:00:00.000Z' },
          { stepPath: 'say', level: 'warn', message: 'Hello web-1', timestamp: '2025-01-01T10:00:00.010Z' },
        ],
      },
    });
    await screen.findByTestId('stepExecution');
    expect(calls.some(({ path }) => path.endsWith('/logs'))).toBe(false);

    fireEvent.click(screen.getByTestId('executionLogsTab'));

    const lines = await screen.findAllByTestId('executionLogLine');
    expect(lines.map((line) => line.getAttribute('data-level'))).toEqual(['info', 'warn']);
    expect(lines[1]).toHaveTextContent('warn');
    expect(lines[1]).toHaveTextContent('Jan 1, 2025 @');
    expect(lines[1]).toHaveTextContent('say');
    expect(lines[1]).toHaveTextContent('Hello web-1');
  });
});

describe('ExecutionPage: cancelling', () => {
  const routes = (cancel: unknown) => {
    let cancelled = false;
    return {
      'GET /api/workflows-executions/ex-1': () =>
        execution(cancelled ? { status: 'cancelled', finishedAt: '2025-01-01T10:00:02.000Z' } : { status: 'waiting' }),
      'POST /api/workflows-executions/ex-1/cancel': () => {
        if (typeof cancel === 'function') return cancel();
        cancelled = true;
        return cancel;
      },
    };
  };

  it('cancels only after confirmation, then shows the run cancelled', async () => {
    const { calls } = renderWithServices(<ExecutionPage executionId="ex-1" />, routes({ id: 'ex-1', cancelled: true }));

    fireEvent.click(await screen.findByTestId('cancelExecutionButton'));
    const modal = await screen.findByTestId('cancelExecutionModal');
    expect(modal).toHaveTextContent('Cancel this run?');
    expect(calls.filter(({ method }) => method === 'POST')).toEqual([]);
    fireEvent.click(within(modal).getByText('Cancel run'));

    await waitFor(() =>
      expect(within(screen.getByTestId('executionSummary')).getByTestId('executionStatusBadge')).toHaveAttribute(
        'data-status',
        'cancelled',
      ),
    );
    expect(calls.filter(({ method }) => method === 'POST')).toEqual([{ method: 'POST', path: '/api/workflows-executions/ex-1/cancel' }]);
    expect(screen.queryByTestId('cancelExecutionButton')).not.toBeInTheDocument();
  });

  it("shows the server's reason when it refuses", async () => {
    renderWithServices(
      <ExecutionPage executionId="ex-1" />,
      routes(() => {
        throw Object.assign(new Error('Bad Request'), {
          body: { statusCode: 400, error: 'Bad Request', message: 'Execution ex-1 has already ended (completed)' },
        });
      }),
    );

    fireEvent.click(await screen.findByTestId('cancelExecutionButton'));
    fireEvent.click(within(await screen.findByTestId('cancelExecutionModal')).getByText('Cancel run'));

    const callout = await screen.findByTestId('cancelExecutionError');
    expect(callout).toHaveTextContent('The run was not cancelled');
    expect(callout).toHaveTextContent('Execution ex-1 has already ended (completed)');
  });
});

describe('ExecutionPage: a run waiting for a person', () => {
  const waitingFor = (type: string, message: string) =>
    execution({
      status: 'waiting_for_input',
      steps: [
        step({
          id: 'st-2',
          name: 'ask',
          type,
          path: 'ask',
          status: 'waiting_for_input',
          input: { message },
          output: null,
          finishedAt: null,
        }),
      ],
    });

  const renderWaiting = (type: string, message: string) => {
    let resumed = false;
    const rendered = renderWithServices(<ExecutionPage executionId="ex-1" />, {
      'GET /api/workflows-executions/ex-1': () => (resumed ? execution({ status: 'running' }) : waitingFor(type, message)),
      'POST /api/workflows-executions/ex-1/resume': () => {
        resumed = true;
        return { id: 'ex-1', resumed: true };
      },
    });
    const resumeBodies = () => rendered.calls.filter(({ path }) => path.endsWith('/resume')).map(({ body }) => body);
    return { ...rendered, resumeBodies };
  };

  it('approves with a comment, then follows the resumed run', async () => {
    const { resumeBodies } = renderWaiting('waitForApproval', 'Isolate web-1?');

    const callout = await screen.findByTestId('humanInputCallout');
    expect(callout).toHaveTextContent('Waiting for approval');
    expect(screen.getByTestId('humanInputMessage')).toHaveTextContent('Isolate web-1?');
    fireEvent.change(screen.getByTestId('approvalComment'), { target: { value: 'Go ahead' } });
    fireEvent.click(screen.getByTestId('approveButton'));

    await waitFor(() => expect(screen.queryByTestId('humanInputCallout')).not.toBeInTheDocument());
    expect(resumeBodies()).toEqual([{ input: { approved: true, comment: 'Go ahead' } }]);
    expect(within(screen.getByTestId('executionSummary')).getByTestId('executionStatusBadge')).toHaveAttribute('data-status', 'running');
  });

  it('rejects without a comment', async () => {
    const { resumeBodies } = renderWaiting('waitForApproval', 'Isolate web-1?');

    fireEvent.click(await screen.findByTestId('rejectButton'));

    await waitFor(() => expect(resumeBodies()).toEqual([{ input: { approved: false } }]));
  });

  it.each([
    ['{"ticket": 42}', { ticket: 42 }],
    ['looks fine', 'looks fine'],
  ])('sends the response %s to a waitForInput step as %p', async (text, input) => {
    const { resumeBodies } = renderWaiting('waitForInput', 'Which ticket?');

    expect(await screen.findByTestId('humanInputCallout')).toHaveTextContent('Waiting for input');
    expect(screen.getByTestId('humanInputMessage')).toHaveTextContent('Which ticket?');
    fireEvent.change(screen.getByTestId('humanInputResponse'), { target: { value: text } });
    fireEvent.click(screen.getByTestId('submitHumanInputButton'));

    await waitFor(() => expect(resumeBodies()).toEqual([{ input }]));
  });
});
