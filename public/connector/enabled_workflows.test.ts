import { workflowDto } from '../alert_actions/run_workflow_modal.mocks';
import { createFakeHttp } from '../application/services.mocks';
import { EnabledWorkflows, sortForRuleActions } from './enabled_workflows';

const workflow = (id: string, name: string, triggerTypes: string[] = ['manual']) => workflowDto({ id, name, triggerTypes });

describe('EnabledWorkflows', () => {
  it('sorts alert-triggered workflows first, then by name', () => {
    const sorted = sortForRuleActions([workflow('1', 'b'), workflow('2', 'a'), workflow('3', 'z', ['alert']), workflow('4', 'C', ['manual', 'alert'])]);
    expect(sorted.map(({ id }) => id)).toEqual(['4', '3', '2', '1']);
  });

  it('answers a validation from the list the form just loaded, and reloads once it is stale', async () => {
    let now = 0;
    const { http, calls } = createFakeHttp({ 'POST /api/workflows/search': { results: [workflow('wf-1', 'One')], total: 1 } });
    const enabled = new EnabledWorkflows(async () => http, () => now);

    await enabled.load({ refresh: true });
    expect(await enabled.isAvailable('wf-1')).toBe(true);
    expect(await enabled.isAvailable('wf-2')).toBe(false);
    expect(calls).toHaveLength(1);

    now = 31_000;
    await enabled.isAvailable('wf-1');
    expect(calls).toHaveLength(2);
  });

  it('asks about one workflow when there are more enabled workflows than one page', async () => {
    const { http, calls } = createFakeHttp({
      'POST /api/workflows/search': { results: [workflow('wf-1', 'One')], total: 1500 },
      'GET /api/workflows/wf-far': { ...workflow('wf-far', 'Far'), enabled: true },
      'GET /api/workflows/wf-off': { ...workflow('wf-off', 'Off'), enabled: false },
    });
    const enabled = new EnabledWorkflows(async () => http);

    expect(await enabled.isAvailable('wf-far')).toBe(true);
    expect(await enabled.isAvailable('wf-off')).toBe(false);
    expect(await enabled.isAvailable('wf-gone')).toBe(false);
    expect(calls.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /api/workflows/search',
      'GET /api/workflows/wf-far',
      'GET /api/workflows/wf-off',
      'GET /api/workflows/wf-gone',
    ]);
  });

  it('forgets a failed load so that the next caller asks again', async () => {
    const { http, calls } = createFakeHttp({});
    const enabled = new EnabledWorkflows(async () => http);
    await expect(enabled.load()).rejects.toThrow('Not Found');
    await expect(enabled.load()).rejects.toThrow('Not Found');
    expect(calls).toHaveLength(2);
  });
});
