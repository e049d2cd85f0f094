import { setTimeout as sleep } from 'node:timers/promises';
import type { StepKind } from '../types';
import type { SubWorkflowInput } from '../workflow_execute_async/workflow_execute_async_step';

const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'timed_out', 'skipped']);
const POLL_MS = 25;
/** A parked parent is woken when its child ends; this is only the safety net. */
const RECHECK_MS = 60_000;

/**
 * Runs another workflow and waits for it: its outputs become this step's output, its failure
 * this step's failure. A quick child is awaited in the worker; a slow one parks this run.
 */
export const workflowExecuteStep: StepKind<SubWorkflowInput> = {
  type: 'workflow.execute',
  description: 'Runs another workflow and waits for its outputs',
  async run(context) {
    const { input, previous, services } = context;
    let childId = previous?.state?.childExecutionId as string | undefined;
    if (!childId) {
      childId = await services.startChildRun({
        workflowId: input['workflow-id'],
        inputs: input.inputs ?? {},
        parentExecutionId: context.executionId,
        dryRun: context.dryRun,
        // One child per attempt: a resumed attempt finds its child again, a retry starts a new one.
        idempotencyKey: `${context.idempotencyKey}#${context.attempt}`,
      });
      await context.saveState({ childExecutionId: childId });
    }
    const deadline = Date.now() + context.inlineWaitThresholdMs;
    for (;;) {
      const child = await services.getRun(childId);
      if (!child) throw new Error(`The child run ${childId} no longer exists`);
      if (TERMINAL.has(child.status)) {
        if (child.status !== 'completed') {
          throw new Error(`Workflow "${input['workflow-id']}" ${child.status}${child.error ? `: ${child.error.message}` : ''}`);
        }
        return { output: child.output ?? {}, state: { childExecutionId: childId } };
      }
      if (Date.now() >= deadline) {
        return context.park(new Date(context.now().getTime() + RECHECK_MS), { childExecutionId: childId });
      }
      await sleep(POLL_MS, undefined, { signal: context.signal });
    }
  },
};
