import { WorkflowFailedError } from '../../engine/errors';
import type { StepKind } from '../types';

/** Ends the run now as failed, with the author's message as the run's error. */
export const workflowFailStep: StepKind<{ message?: string }> = {
  type: 'workflow.fail',
  description: 'Fails the run',
  async run({ input, step }) {
    throw new WorkflowFailedError(input.message ?? `The workflow failed at step "${step.name}"`);
  },
};
