import { awaitHumanResponse } from '../wait_for_input/human_response';
import type { StepKind } from '../types';

/** Pauses the run until someone approves (output) or rejects (the step fails with their comment). */
export const waitForApprovalStep: StepKind<{ message?: string; approvers?: string[] }> = {
  type: 'waitForApproval',
  description: 'Waits for a person to approve or reject',
  async run(context) {
    const response = await awaitHumanResponse(context);
    const answer = (response.input ?? {}) as { approved?: unknown; comment?: unknown };
    const approvers = context.input.approvers;
    if (approvers?.length && response.respondedBy && !approvers.includes(response.respondedBy)) {
      throw new Error(`${response.respondedBy} may not approve this step (approvers: ${approvers.join(', ')})`);
    }
    if (answer.approved !== true) {
      throw new Error(`Rejected${response.respondedBy ? ` by ${response.respondedBy}` : ''}${answer.comment ? `: ${String(answer.comment)}` : ''}`);
    }
    return { output: { approved: true, comment: answer.comment ?? null, respondedBy: response.respondedBy ?? null, respondedAt: response.respondedAt ?? null } };
  },
};
