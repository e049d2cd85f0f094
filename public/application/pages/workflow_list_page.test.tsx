import '../test_setup.mocks';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SearchWorkflowsResponse, WorkflowDto } from '../../../common/api';
import { formatTimestamp } from '../lib/format';
import { renderWithServices } from '../services.mocks';
import { WorkflowListPage } from './workflow_list_page';

const workflow = (overrides: Partial<WorkflowDto>): WorkflowDto => ({
  id: 'wf-1',
  name: 'Isolate host',
  description: 'Isolates the host of a critical alert',
  tags: ['edr', 'response'],
  enabled: true,
  yaml: 'name: Isolate host',
  valid: true,
  validationErrors: [],
  triggerTypes: ['manual'],
  revision: 1,
  spaceId: 'default',
  createdAt: '2025-01-01T10:00:00.000Z',
  createdBy: 'elastic',
  updatedAt: '2025-01-01T10:00:00.000Z',
  updatedBy: 'elastic',
  ...overrides,
});

const isolate = workflow({
  lastExecution: { id: 'ex-9', status: 'failed', startedAt: '2025-01-02T10:00:00.000Z', finishedAt: '2025-01-02T10:00:03.000Z' },
});
const notify = workflow({ id: 'wf-2', name: 'Notify on-call', description: 'Pages the on-call engineer', tags: [], enabled: false });
const page = (results: WorkflowDto[]): SearchWorkflowsResponse => ({ results, total: results.length, page: 1, size: 20 });

describe('WorkflowListPage', () => {
  it('lists what the search returns: names, descriptions, tags, enabled state and last run', async () => {
    const { calls } = renderWithServices(<WorkflowListPage />, { 'POST /api/workflows/search': page([isolate, notify]) });

    const row = await screen.findByTestId('workflowRow-wf-1');
    expect(calls).toEqual([{ method: 'POST', path: '/api/workflows/search', body: { page: 1, size: 20 } }]);
    expect(within(row).getByText('Isolate host')).toHaveAttribute('href', '/app/workflows/edit/wf-1');
    expect(row).toHaveTextContent('Isolates the host of a critical alert');
    expect(row).toHaveTextContent('edr');
    expect(within(row).getByTestId('executionStatusBadge')).toHaveTextContent('Failed');
    expect(within(row).getByTestId('workflowEnabledSwitch')).toHaveAttribute('aria-checked', 'true');

    const other = screen.getByTestId('workflowRow-wf-2');
    expect(other).toHaveTextContent('Never run');
    expect(within(other).getByTestId('workflowEnabledSwitch')).toHaveAttribute('aria-checked', 'false');
  });

  it('sends the query typed in the search box', async () => {
    const { calls } = renderWithServices(<WorkflowListPage />, { 'POST /api/workflows/search': page([isolate]) });
    await screen.findByTestId('workflowRow-wf-1');

    fireEvent.change(screen.getByTestId('workflowSearch'), { target: { value: 'isolate' } });

    await waitFor(() =>
      expect(calls.at(-1)).toEqual({ method: 'POST', path: '/api/workflows/search', body: { query: 'isolate', page: 1, size: 20 } }),
    );
  });

  it('enables a workflow with PUT {enabled} and shows the answer', async () => {
    const { calls } = renderWithServices(<WorkflowListPage />, {
      'POST /api/workflows/search': page([notify]),
      'PUT /api/workflows/wf-2': (body: unknown) => ({ ...notify, ...(body as object) }),
    });
    const row = await screen.findByTestId('workflowRow-wf-2');

    fireEvent.click(within(row).getByTestId('workflowEnabledSwitch'));

    await waitFor(() => expect(within(row).getByTestId('workflowEnabledSwitch')).toHaveAttribute('aria-checked', 'true'));
    expect(calls).toContainEqual({ method: 'PUT', path: '/api/workflows/wf-2', body: { enabled: true } });
  });

  it('deletes only after confirmation, then searches again', async () => {
    let results = [isolate, notify];
    const { calls, toasts } = renderWithServices(<WorkflowListPage />, {
      'POST /api/workflows/search': () => page(results),
      'DELETE /api/workflows/wf-1': () => {
        results = [notify];
      },
    });
    const row = await screen.findByTestId('workflowRow-wf-1');

    fireEvent.click(within(row).getByTestId('euiCollapsedItemActionsButton'));
    fireEvent.click(await screen.findByTestId('deleteWorkflowAction'));
    const modal = await screen.findByTestId('deleteWorkflowModal');
    expect(modal).toHaveTextContent('Delete workflow "Isolate host"?');
    expect(calls.some(({ method }) => method === 'DELETE')).toBe(false);
    fireEvent.click(within(modal).getByText('Delete'));

    await waitFor(() => expect(screen.queryByTestId('workflowRow-wf-1')).not.toBeInTheDocument());
    expect(calls.filter(({ method }) => method === 'DELETE')).toEqual([{ method: 'DELETE', path: '/api/workflows/wf-1' }]);
    expect(toasts).toContainEqual({ kind: 'success', title: 'Deleted workflow "Isolate host"' });
  });

  it('runs a workflow and opens its execution', async () => {
    const { calls, pushed, toasts } = renderWithServices(<WorkflowListPage />, {
      'POST /api/workflows/search': page([isolate]),
      'POST /api/workflows/wf-1/run': { workflowExecutionId: 'ex-10' },
    });
    const row = await screen.findByTestId('workflowRow-wf-1');

    fireEvent.click(within(row).getByTestId('runWorkflowAction'));
    const modal = await screen.findByTestId('runWorkflowModal');
    expect(calls.some(({ path }) => path.endsWith('/run'))).toBe(false);
    fireEvent.click(within(modal).getByTestId('runWorkflowSubmit'));

    await waitFor(() => expect(pushed).toEqual(['/execution/ex-10']));
    expect(calls).toContainEqual({ method: 'POST', path: '/api/workflows/wf-1/run', body: { inputs: {}, dryRun: false } });
    expect(toasts).toContainEqual({ kind: 'success', title: 'Workflow "Isolate host" started' });
    expect(screen.queryByTestId('runWorkflowModal')).not.toBeInTheDocument();
  });

  it('shows trigger types, and when a scheduled workflow runs next with the exact time on hover', async () => {
    const nextRunAt = new Date(Date.now() + 5 * 60_000).toISOString();
    const scheduled = workflow({ id: 'wf-3', name: 'Nightly sweep', triggerTypes: ['manual', 'scheduled'], nextRunAt });
    const paused = workflow({ id: 'wf-4', enabled: false, triggerTypes: ['scheduled', 'alert'], nextRunAt });
    renderWithServices(<WorkflowListPage />, { 'POST /api/workflows/search': page([scheduled, paused, notify]) });

    const row = await screen.findByTestId('workflowRow-wf-3');
    expect(within(row).getByTestId('triggerBadge-manual')).toHaveTextContent('Manual');
    expect(within(row).getByTestId('triggerBadge-scheduled')).toHaveTextContent('Scheduled');
    const nextRun = within(row).getByTestId('workflowNextRun');
    expect(nextRun).toHaveTextContent('in 5 minutes');
    fireEvent.mouseEnter(nextRun);
    expect(await screen.findByRole('tooltip', {}, { timeout: 2000 })).toHaveTextContent(
      `Next scheduled run: ${formatTimestamp(nextRunAt)}`,
    );

    // A disabled workflow has no next run, even if the answer carried one.
    const pausedRow = screen.getByTestId('workflowRow-wf-4');
    expect(within(pausedRow).getByTestId('triggerBadge-alert')).toHaveTextContent('Alert');
    expect(within(pausedRow).queryByTestId('workflowNextRun')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('workflowRow-wf-2')).queryByTestId('workflowNextRun')).not.toBeInTheDocument();
  });

  it('offers to create the first workflow when there is none', async () => {
    renderWithServices(<WorkflowListPage />, { 'POST /api/workflows/search': page([]) });

    const prompt = await screen.findByTestId('workflowsEmptyPrompt');
    expect(prompt).toHaveTextContent('Create your first workflow');
    expect(within(prompt).getByTestId('createWorkflowButton')).toHaveAttribute('href', '/app/workflows/create');
  });

  it('shows the server message when the search fails', async () => {
    renderWithServices(<WorkflowListPage />, {});

    expect(await screen.findByText('Could not load workflows')).toBeInTheDocument();
    expect(screen.getByText('no canned response for POST /api/workflows/search')).toBeInTheDocument();
  });
});
