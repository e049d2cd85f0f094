import type { ConcreteTaskInstance } from '@kbn/task-manager-plugin/server';
import { silentLogger } from '../engine/engine_test_utils';
import { aWorkflow } from '../storage/store_contract';
import type { WorkflowRecord } from '../storage/types';
import { WORKFLOW_SCHEDULED_TASK, scheduledTaskDefinition, type ScheduledRunStarter } from './scheduled_task';

const yaml = (trigger: string) => `name: Nightly\ntriggers:\n  - ${trigger}\nsteps:\n  - { name: hi, type: console, with: { message: hi } }\n`;

const runTask = async (workflow: WorkflowRecord | undefined, state: Record<string, unknown>) => {
  const started: string[] = [];
  const starter: ScheduledRunStarter = {
    getWorkflow: async () => workflow,
    startRun: async (_space, id) => void started.push(id),
  };
  const definition = scheduledTaskDefinition(async () => starter, silentLogger)[WORKFLOW_SCHEDULED_TASK];
  const controller = new AbortController();
  const taskInstance = { params: { spaceId: 'default', workflowId: 'wf-1' }, state } as unknown as ConcreteTaskInstance;
  const result = await definition.createTaskRunner({ taskInstance, abortController: controller, signal: controller.signal, executionUuid: 'x' }).run();
  return { started, result: result as { runAt?: Date; shouldDeleteTask?: boolean; state: Record<string, unknown> } };
};

describe('workflow:scheduled task', () => {
  it('starts one run and asks to run again at the next occurrence, however late it is', async () => {
    // Anchored three days ago: many 5-minute slots were missed while the host was down.
    const anchor = new Date(Date.now() - 3 * 86_400_000);
    const { started, result } = await runTask(aWorkflow({ yaml: yaml('type: scheduled\n    with: { every: 5m }') }), { anchor: anchor.toISOString() });
    expect(started).toEqual(['wf-1']);
    const next = result.runAt!.getTime();
    expect(next).toBeGreaterThan(Date.now());
    expect(next - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect((next - anchor.getTime()) % (5 * 60_000)).toBe(0);
    expect(result.state.lastRunAt).toEqual(expect.any(String));
  });

  it.each([
    ['disabled', aWorkflow({ enabled: false, yaml: yaml('type: scheduled\n    with: { every: 5m }') })],
    ['no longer scheduled', aWorkflow({ yaml: yaml('type: manual') })],
    ['deleted', undefined],
  ])('deletes itself when the workflow is %s', async (_label, workflow) => {
    const { started, result } = await runTask(workflow, {});
    expect(started).toEqual([]);
    expect(result.shouldDeleteTask).toBe(true);
  });

  it('keeps its schedule when a run cannot start', async () => {
    const starter: ScheduledRunStarter = {
      getWorkflow: async () => aWorkflow({ yaml: yaml('type: scheduled\n    with: { every: 1h }') }),
      startRun: async () => {
        throw new Error('Workflow is disabled');
      },
    };
    const definition = scheduledTaskDefinition(async () => starter, silentLogger)[WORKFLOW_SCHEDULED_TASK];
    const controller = new AbortController();
    const taskInstance = { params: { spaceId: 'default', workflowId: 'wf-1' }, state: {} } as unknown as ConcreteTaskInstance;
    const result = (await definition.createTaskRunner({ taskInstance, abortController: controller, signal: controller.signal, executionUuid: 'x' }).run()) as { runAt?: Date };
    expect(result.runAt).toBeInstanceOf(Date);
  });
});
