import type { StepKind } from '../types';
import { awaitHumanResponse } from './human_response';

/** Pauses the run until someone provides input; the input becomes the step output. */
export const waitForInputStep: StepKind<{ message?: string }> = {
  type: 'waitForInput',
  description: 'Waits for a person to provide input',
  async run(context) {
    const response = await awaitHumanResponse(context);
    return { output: { input: response.input, respondedBy: response.respondedBy ?? null, respondedAt: response.respondedAt ?? null } };
  },
};
