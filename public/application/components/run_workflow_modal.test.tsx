import '../test_setup.mocks';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithServices } from '../services.mocks';
import type { RunTarget } from '../hooks/use_run_workflow';
import { RunWorkflowModal } from './run_workflow_modal';

const YAML = `name: Isolate host
triggers:
  - type: manual
    inputs:
      - name: host
        type: string
        default: web-1
      - name: reason
        type: string
steps:
  - name: say
    type: console
    with: { message: "{{ inputs.host }}" }
`;

const runTarget: RunTarget = { kind: 'run', workflow: { id: 'wf-1', name: 'Isolate host', yaml: YAML } };

const setup = (target: RunTarget, routes = {}) => {
  const onClose = jest.fn();
  const rendered = renderWithServices(<RunWorkflowModal target={target} onClose={onClose} />, routes);
  return { ...rendered, onClose };
};

describe('RunWorkflowModal', () => {
  it('starts from the declared defaults and names every declared input', () => {
    setup(runTarget);

    expect(screen.getByTestId('runInputsField')).toHaveValue('{\n  "host": "web-1"\n}');
    expect(screen.getByText('Declared inputs: host, reason. Those left out take their declared default.')).toBeInTheDocument();
    expect(screen.queryByTestId('runEventField')).not.toBeInTheDocument();
  });

  it('posts {inputs, dryRun: true} with the dry-run switch on, then opens the run', async () => {
    const { calls, pushed, toasts, onClose } = setup(runTarget, { 'POST /api/workflows/wf-1/run': { workflowExecutionId: 'ex-7' } });

    fireEvent.change(screen.getByTestId('runInputsField'), { target: { value: '{"host": "db-1", "reason": "drill"}' } });
    fireEvent.click(screen.getByTestId('dryRunSwitch'));
    expect(screen.getByTestId('runWorkflowSubmit')).toHaveTextContent('Start dry run');
    fireEvent.click(screen.getByTestId('runWorkflowSubmit'));

    await waitFor(() => expect(pushed).toEqual(['/execution/ex-7']));
    expect(calls).toEqual([
      { method: 'POST', path: '/api/workflows/wf-1/run', body: { inputs: { host: 'db-1', reason: 'drill' }, dryRun: true } },
    ]);
    expect(toasts).toContainEqual({ kind: 'success', title: 'Dry run of "Isolate host" started' });
    expect(onClose).toHaveBeenCalled();
  });

  it.each([
    ['{"host": ', 'Not valid JSON: '],
    ['["web-1"]', 'Expected a JSON object, like {"host": "web-1"}'],
  ])('refuses %s with a clear error and posts nothing', async (text, error) => {
    const { calls, onClose } = setup(runTarget);

    fireEvent.change(screen.getByTestId('runInputsField'), { target: { value: text } });
    fireEvent.click(screen.getByTestId('runWorkflowSubmit'));

    expect(await screen.findByText(new RegExp(`^${error.replace(/[[\]{}]/g, '\\$&')}`))).toBeInTheDocument();
    expect(screen.getByTestId('runInputsField')).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toEqual([]);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('stays open and shows the server message when the run is refused', async () => {
    const { onClose } = setup(runTarget, {
      'POST /api/workflows/wf-1/run': () => {
        throw Object.assign(new Error('Bad Request'), { body: { message: 'Workflow "wf-1" is disabled' } });
      },
    });

    fireEvent.click(screen.getByTestId('runWorkflowSubmit'));

    expect(await screen.findByTestId('runWorkflowError')).toHaveTextContent('Workflow "wf-1" is disabled');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('tests unsaved YAML with inputs and an event through /api/workflows/test', async () => {
    const { calls, pushed, toasts } = setup(
      { kind: 'test', yaml: YAML, workflowId: 'wf-1' },
      { 'POST /api/workflows/test': { workflowExecutionId: 'ex-8' } },
    );

    fireEvent.change(screen.getByTestId('runEventField'), { target: { value: '{"alerts": [{"host": "web-2"}]}' } });
    fireEvent.click(screen.getByTestId('dryRunSwitch'));
    fireEvent.click(screen.getByTestId('runWorkflowSubmit'));

    await waitFor(() => expect(pushed).toEqual(['/execution/ex-8']));
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/api/workflows/test',
        body: { yaml: YAML, inputs: { host: 'web-1' }, event: { alerts: [{ host: 'web-2' }] }, dryRun: true, workflowId: 'wf-1' },
      },
    ]);
    expect(toasts).toContainEqual({ kind: 'success', title: 'Test dry run started' });
  });
});
