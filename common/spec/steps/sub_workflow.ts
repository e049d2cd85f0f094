import { z } from 'zod';
import { defineStep } from './base';
import { OpenWithSchema } from './fields';

const subWorkflowWith = (description: string) =>
  z
    .strictObject({
      'workflow-id': z.string().min(1).describe('Id of the workflow to run.'),
      inputs: OpenWithSchema.optional().describe('Inputs of that workflow.'),
    })
    .describe(description);

export const WorkflowExecuteStepSchema = defineStep(
  'workflow.execute',
  'Run another workflow and wait for it; its outputs become the step output.',
  { with: subWorkflowWith('Which workflow to run, with which inputs.') }
).meta({ id: 'WorkflowExecuteStep' });
export type WorkflowExecuteStep = z.infer<typeof WorkflowExecuteStepSchema>;

export const WorkflowExecuteAsyncStepSchema = defineStep(
  'workflow.executeAsync',
  'Start another workflow without waiting; the output has its `workflowExecutionId`.',
  { with: subWorkflowWith('Which workflow to start, with which inputs.') }
).meta({ id: 'WorkflowExecuteAsyncStep' });
export type WorkflowExecuteAsyncStep = z.infer<typeof WorkflowExecuteAsyncStepSchema>;

export const WorkflowOutputStepSchema = defineStep(
  'workflow.output',
  'Set the outputs of the workflow (see the top-level `outputs`).',
  { with: OpenWithSchema.describe('Output values by name.') }
).meta({ id: 'WorkflowOutputStep' });
export type WorkflowOutputStep = z.infer<typeof WorkflowOutputStepSchema>;

export const WorkflowFailStepSchema = defineStep('workflow.fail', 'Stop the run now and mark it failed.', {
  with: z
    .strictObject({ message: z.string().optional().describe('Why the run failed; shown as the execution error.') })
    .optional()
    .describe('The failure.'),
}).meta({ id: 'WorkflowFailStep' });
export type WorkflowFailStep = z.infer<typeof WorkflowFailStepSchema>;
