import { StepTimedOutError } from '../../engine/errors';
import { parseDuration } from '../wait/duration';
import type { StepRunContext } from '../types';

/** Parks far ahead when no timeout is set; the resume API wakes the run sooner. */
const NO_TIMEOUT_RECHECK_MS = 24 * 3_600_000;

export interface HumanResponse {
  input: unknown;
  respondedBy?: string;
  respondedAt?: string;
}

/**
 * Shared by `waitForInput` and `waitForApproval`: returns the response given through
 * `POST /api/workflows-executions/{id}/resume`, or parks the run (`waiting_for_input`) until
 * one arrives or the step's `timeout` passes.
 */
export async function awaitHumanResponse(context: StepRunContext): Promise<HumanResponse> {
  const { previous, step, now } = context;
  const response = previous?.state?.response as HumanResponse | undefined;
  if (response) return response;
  const deadline = previous?.state?.deadline
    ? new Date(String(previous.state.deadline))
    : step.timeout
      ? new Date(now().getTime() + parseDuration(step.timeout))
      : undefined;
  if (deadline && now() >= deadline) throw new StepTimedOutError(step.name, step.timeout ?? 'timeout');
  const resumeAt = deadline ?? new Date(now().getTime() + NO_TIMEOUT_RECHECK_MS);
  return context.park(resumeAt, { ...(deadline ? { deadline: deadline.toISOString() } : {}), waitingSince: previous?.state?.waitingSince ?? now().toISOString() }, 'waiting_for_input');
}
