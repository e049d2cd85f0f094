import type { StepKind } from '../types';

export interface SubWorkflowInput {
  'workflow-id': string;
  inputs?: Record<string, unknown>;
}

/** Starts another workflow and goes on at once; the output carries the child's execution id. */
export const workflowExecuteAsyncStep: StepKind<SubWorkflowInput> = {
  type: 'workflow.executeAsync',
  description: 'Starts another workflow without waiting',
  async run(context) {
    const { input } = context;
    const workflowExecutionId = await context.services.startChildRun({
      workflowId: input['workflow-id'],
      inputs: input.inputs ?? {},
      parentExecutionId: context.executionId,
      dryRun: context.dryRun,
      idempotencyKey: context.idempotencyKey,
    });
    return { output: { workflowExecutionId } };
  },
};
