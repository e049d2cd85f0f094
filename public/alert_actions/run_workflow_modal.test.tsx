import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import type { MountPoint } from '@kbn/core/public';
import { RunWorkflowModal } from './run_workflow_modal';
import { ALERTS, createRunWorkflowServices, workflowDto } from './run_workflow_modal.mocks';
import type { FakeRoutes } from '../application/services.mocks';

const WORKFLOWS = [
  workflowDto({ id: 'w-manual', name: 'Archive evidence', tags: ['forensics'] }),
  workflowDto({ id: 'w-alert', name: 'Triage SQL alerts', tags: ['edr'], triggerTypes: ['alert'], description: 'Opens a case' }),
  workflowDto({ id: 'w-broken', name: 'Broken one', valid: false }),
];

const searchRoute = { 'POST /api/workflows/search': { results: WORKFLOWS, total: WORKFLOWS.length, page: 1, size: 1000 } };

const renderModal = (routes: FakeRoutes, alerts = ALERTS.slice(0, 1)) => {
  const fakes = createRunWorkflowServices({ ...searchRoute, ...routes });
  const onClose = jest.fn();
  render(
    <EuiProvider colorMode="light">
      <RunWorkflowModal alerts={alerts} services={fakes.services} onClose={onClose} />
    </EuiProvider>,
  );
  return { ...fakes, onClose };
};

const optionNames = () =>
  screen.getAllByRole('option').map((option) => option.getAttribute('data-test-subj')?.replace('runWorkflowOption-', ''));

const pick = async (workflowId: string) => {
  fireEvent.click(await screen.findByTestId(`runWorkflowOption-${workflowId}`));
  await waitFor(() => expect(screen.getByTestId('runWorkflowConfirm')).toBeEnabled());
};

/** Mounts a toast's MountPoint text the way the toast list does and returns its element. */
const mountToastText = (text: unknown) => {
  const element = document.createElement('div');
  (text as MountPoint)(element);
  return element;
};

describe('RunWorkflowModal', () => {
  // jsdom has no layout: EUI's virtualized list measures its box and would render no option at all.
  beforeAll(() =>
    jest
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockReturnValue({ width: 600, height: 600, top: 0, left: 0, bottom: 600, right: 600, x: 0, y: 0, toJSON: () => ({}) }),
  );
  afterAll(() => jest.restoreAllMocks());

  it('asks only for enabled workflows and lists alert-triggered ones first; invalid ones cannot be picked', async () => {
    const { calls } = renderModal({});
    await screen.findByTestId('runWorkflowOption-w-alert');
    expect(calls).toEqual([{ method: 'POST', path: '/api/workflows/search', body: { enabled: true, size: 1000, page: 1 } }]);
    expect(optionNames()).toEqual(['w-alert', 'w-manual', 'w-broken']);
    expect(screen.getByTestId('runWorkflowOption-w-broken')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('runWorkflowConfirm')).toBeDisabled();
  });

  it('finds workflows by tag as well as by name', async () => {
    renderModal({});
    await screen.findByTestId('runWorkflowOption-w-alert');
    fireEvent.change(screen.getByTestId('runWorkflowSearch'), { target: { value: 'forensics' } });
    await waitFor(() => expect(optionNames()).toEqual(['w-manual']));
  });

  it('runs the workflow with the alerts as an alert event, then links the run from a toast', async () => {
    const { calls, toasts, navigatedTo, onClose } = renderModal(
      { 'POST /api/workflows/w-alert/run': { workflowExecutionId: 'exec 1' } },
      ALERTS,
    );
    expect(screen.getByText(/the 2 selected alerts/)).toBeInTheDocument();
    await pick('w-alert');
    await act(async () => fireEvent.click(screen.getByTestId('runWorkflowConfirm')));

    expect(calls.at(-1)).toEqual({
      method: 'POST',
      path: '/api/workflows/w-alert/run',
      body: { inputs: { event: { triggerType: 'alert', alertIds: ALERTS } } },
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(toasts).toHaveLength(1);
    expect(toasts[0]).toMatchObject({ kind: 'success', input: { title: 'Workflow "Triage SQL alerts" started' } });

    const link = within(mountToastText(toasts[0].input.text)).getByRole('link', { name: 'View the run' });
    expect(link).toHaveAttribute('href', '/app/workflows/execution/exec%201');
    fireEvent.click(link);
    expect(navigatedTo).toEqual(['/app/workflows/execution/exec%201']);
  });

  it('shows the server message in an error toast and stays open for another try', async () => {
    const message = 'Workflow "Triage SQL alerts" is disabled';
    const { toasts, onClose } = renderModal({
      'POST /api/workflows/w-alert/run': () => {
        throw Object.assign(new Error('Conflict'), { body: { statusCode: 409, message } });
      },
    });
    await pick('w-alert');
    await act(async () => fireEvent.click(screen.getByTestId('runWorkflowConfirm')));

    expect(toasts).toEqual([
      expect.objectContaining({ kind: 'error', input: { title: 'Could not run workflow "Triage SQL alerts"', text: message } }),
    ]);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('runWorkflowConfirm')).toBeEnabled();
  });

  it('says so when the workflows cannot be loaded', async () => {
    renderModal({
      'POST /api/workflows/search': () => {
        throw Object.assign(new Error('Forbidden'), { body: { statusCode: 403, message: 'Missing privilege workflows_read' } });
      },
    });
    expect(await screen.findByTestId('runWorkflowLoadError')).toHaveTextContent(
      'Could not load the workflows: Missing privilege workflows_read',
    );
  });
});
