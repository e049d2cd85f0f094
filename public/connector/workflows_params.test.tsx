import '../application/test_setup.mocks';
import { Suspense, useState } from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import type { ApplicationStart } from '@kbn/core/public';
import type { RuleActionParam } from '@kbn/triggers-actions-ui-plugin/public';
import type { SearchWorkflowsRequest } from '../../common/api';
import { workflowDto } from '../alert_actions/run_workflow_modal.mocks';
import { createFakeHttp } from '../application/services.mocks';
import type { WorkflowsActionParams } from './types';
import { getWorkflowsConnectorType } from './workflows_connector';

// EuiComboBox measures its input text on a canvas, which jsdom does not implement.
beforeAll(() => {
  jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockImplementation(() => ({ font: '', measureText: (text: string) => ({ width: text.length * 7 }) }) as unknown as CanvasRenderingContext2D);
});

const ARCHIVE = workflowDto({ id: 'wf-archive', name: 'Archive logs', description: 'Moves old logs away', tags: ['ops'] });
const ISOLATE = workflowDto({
  id: 'wf-isolate',
  name: 'Isolate host',
  description: 'Isolates the host of a critical alert',
  tags: ['edr', 'response'],
  triggerTypes: ['alert'],
});
const PAGE = workflowDto({ id: 'wf-page', name: 'Page on-call', description: 'Pages the on-call engineer', tags: ['edr'], triggerTypes: ['manual'] });
const RETIRED = workflowDto({ id: 'wf-retired', name: 'Retired playbook', enabled: false, triggerTypes: ['alert'] });
const ALL = [ARCHIVE, ISOLATE, PAGE, RETIRED];

/** Answers like the server: `enabled: true` leaves out the disabled ones. */
const search = (body: unknown) => {
  const { enabled } = body as SearchWorkflowsRequest;
  const results = ALL.filter((item) => enabled === undefined || item.enabled === enabled);
  return { results, total: results.length, page: 1, size: 1000 };
};

const createModel = () => {
  const { http, calls } = createFakeHttp({ 'POST /api/workflows/search': search });
  const application = { getUrlForApp: (appId: string, { path = '' } = {}) => `/app/${appId}${path}` } as unknown as ApplicationStart;
  return { model: getWorkflowsConnectorType({ getServices: async () => ({ http, application }) }), calls };
};

const setup = async (initialParams: Partial<WorkflowsActionParams> = {}) => {
  const { model, calls } = createModel();
  const edits: Array<[string, RuleActionParam, number]> = [];
  let current: Partial<WorkflowsActionParams> = initialParams;

  // Holds the params the way a rule form does, so every edit reaches the next render.
  const Harness = () => {
    const [actionParams, setActionParams] = useState(initialParams);
    const [errors, setErrors] = useState({});
    const editAction = (key: string, value: RuleActionParam, index: number) => {
      edits.push([key, value, index]);
      setActionParams((previous) => {
        current = { ...previous, [key]: value };
        model.validateParams(current as WorkflowsActionParams, null).then(({ errors: next }) => setErrors(next));
        return current;
      });
    };
    const Fields = model.actionParamsFields;
    return (
      <Suspense fallback={null}>
        <Fields actionParams={actionParams} index={0} editAction={editAction} errors={errors} />
      </Suspense>
    );
  };
  // In act: the lazy params form resolves after the first render.
  await act(async () => {
    render(
      <EuiProvider colorMode="light">
        <Harness />
      </EuiProvider>,
    );
  });
  return { model, calls, edits, params: () => current };
};

const comboInput = () => within(screen.getByTestId('workflowIdSelector')).getByTestId('comboBoxSearchInput');
const shownOptions = () => screen.getAllByRole('option').map((option) => option.getAttribute('data-test-subj'));
const openList = async () => {
  fireEvent.click(within(screen.getByTestId('workflowIdSelector')).getByTestId('comboBoxToggleListButton'));
  await screen.findByRole('listbox');
};
const loaded = () => waitFor(() => expect(within(screen.getByTestId('workflowIdSelector')).queryByRole('progressbar')).toBeNull());

describe('Workflows rule action params', () => {
  it('sets subAction "run" and default sub-action params on mount', async () => {
    const { edits } = await setup();
    await screen.findByTestId('workflowIdSelector');

    expect(edits.slice(0, 2)).toEqual([
      ['subAction', 'run', 0],
      ['subActionParams', { workflowId: '', summaryMode: true }, 0],
    ]);
  });

  it('keeps saved sub-action params and only fills in what is missing', async () => {
    const { edits } = await setup({ subAction: 'run', subActionParams: { workflowId: 'wf-isolate' } });
    await screen.findByTestId('workflowIdSelector');

    expect(edits).toContainEqual(['subActionParams', { workflowId: 'wf-isolate', summaryMode: true }, 0]);
  });

  it('offers only enabled workflows, alert-triggered first, with their descriptions', async () => {
    const { calls } = await setup();
    await loaded();

    expect(calls).toEqual([{ method: 'POST', path: '/api/workflows/search', body: { enabled: true, size: 1000, page: 1 } }]);
    await openList();
    expect(shownOptions()).toEqual(['workflowOption-wf-isolate', 'workflowOption-wf-archive', 'workflowOption-wf-page']);
    expect(screen.queryByText('Retired playbook')).toBeNull();
    expect(screen.getByTestId('workflowOption-wf-isolate')).toHaveTextContent('Isolates the host of a critical alert');
  });

  it('finds workflows by tag as well as by name', async () => {
    await setup();
    await loaded();

    fireEvent.change(comboInput(), { target: { value: 'edr' } });
    await screen.findByRole('listbox');
    expect(shownOptions()).toEqual(['workflowOption-wf-isolate', 'workflowOption-wf-page']);

    fireEvent.change(comboInput(), { target: { value: 'archive' } });
    await waitFor(() => expect(shownOptions()).toEqual(['workflowOption-wf-archive']));
  });

  it('saves the picked workflow id', async () => {
    const { params } = await setup();
    await loaded();
    await openList();

    fireEvent.click(screen.getByTestId('workflowOption-wf-page'));

    await waitFor(() => expect(params().subActionParams).toEqual({ workflowId: 'wf-page', summaryMode: true }));
    expect(comboInput()).toHaveValue('Page on-call');
  });

  it('runs per alert when the switch is on, for the whole batch when off', async () => {
    const { params } = await setup({ subAction: 'run', subActionParams: { workflowId: 'wf-isolate', summaryMode: true } });
    const runPerAlert = await screen.findByTestId('workflowsRunPerAlertSwitch');
    expect(runPerAlert).toHaveAttribute('aria-checked', 'false');

    fireEvent.click(runPerAlert);
    await waitFor(() => expect(params().subActionParams).toEqual({ workflowId: 'wf-isolate', summaryMode: false }));
    expect(runPerAlert).toHaveAttribute('aria-checked', 'true');

    fireEvent.click(runPerAlert);
    await waitFor(() => expect(params().subActionParams).toEqual({ workflowId: 'wf-isolate', summaryMode: true }));
  });

  it('links to creating a workflow in the Workflows app', async () => {
    await setup();
    expect(await screen.findByTestId('createWorkflowLink')).toHaveAttribute('href', '/app/workflows/create');
  });

  it.each([
    ['disabled', 'wf-retired'],
    ['deleted', 'wf-gone'],
  ])('shows an error and fails validation when the saved workflow is %s', async (_state, workflowId) => {
    const { model } = await setup({ subAction: 'run', subActionParams: { workflowId, summaryMode: true } });

    await screen.findByText('The selected workflow is disabled or no longer exists. Choose an enabled workflow.');
    expect(comboInput()).toHaveValue(workflowId);
    await expect(model.validateParams({ subAction: 'run', subActionParams: { workflowId } }, null)).resolves.toEqual({
      errors: { 'subActionParams.workflowId': ['The selected workflow is disabled or no longer exists. Choose an enabled workflow.'] },
    });
  });
});

describe('Workflows action type model', () => {
  it('describes the system action as Elastic’s connector does', () => {
    const { model } = createModel();
    expect(model).toMatchObject({
      id: '.workflows',
      iconClass: 'workflowsApp',
      selectMessage: 'Execute workflows when alerts are triggered.',
      actionTypeTitle: 'Workflows',
      isSystemActionType: true,
      actionConnectorFields: null,
    });
  });

  it.each([
    [{}, ['Workflow ID is required.']],
    [{ subActionParams: { workflowId: '  ' } }, ['Workflow ID is required.']],
    [{ subActionParams: { workflowId: 'wf-isolate' } }, []],
  ])('validates %j', async (params, messages) => {
    const { model } = createModel();
    await expect(model.validateParams(params as WorkflowsActionParams, null)).resolves.toEqual({
      errors: { 'subActionParams.workflowId': messages },
    });
  });

  it('lets a rule be saved when the workflow list cannot be loaded: the run reports the problem', async () => {
    const { http } = createFakeHttp({});
    const model = getWorkflowsConnectorType({ getServices: async () => ({ http, application: {} as ApplicationStart }) });
    await expect(model.validateParams({ subAction: 'run', subActionParams: { workflowId: 'wf-1' } }, null)).resolves.toEqual({
      errors: { 'subActionParams.workflowId': [] },
    });
  });
});
