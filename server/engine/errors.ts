/**
 * Control-flow signals and failures of the engine. Signals (ParkRun, loop control) are not
 * failures: the runner passes them through containers to whoever handles them.
 */
import type { ExecutionError } from '../../common/api';

/** Thrown by a step that parks the run (a long `wait`); caught by the runner, never a failure. */
export class ParkRun extends Error {
  constructor(
    readonly resumeAt: Date,
    readonly status: 'waiting' | 'waiting_for_input' = 'waiting'
  ) {
    super(`Run parked until ${resumeAt.toISOString()}`);
    this.name = 'ParkRun';
  }
}

/** `loop.break` / `loop.continue`: handled by the innermost loop. */
export class LoopSignal extends Error {
  constructor(readonly action: 'break' | 'continue') {
    super(`loop.${action} outside a loop`);
    this.name = 'LoopSignal';
  }
}

/** A step failed and nothing handled it: the run fails with this error. */
export class StepFailedError extends Error {
  constructor(
    readonly stepName: string,
    readonly cause: unknown
  ) {
    super(`Step "${stepName}" failed: ${errorMessage(cause)}`);
    this.name = 'StepFailedError';
  }
}

/** `workflow.fail`: the run fails with the author's message, as is. */
export class WorkflowFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowFailedError';
  }
}

/** The run was cancelled by a user (or by a `cancel-in-progress` concurrency rule). */
export class RunCancelledError extends Error {
  constructor(message = 'The run was cancelled') {
    super(message);
    this.name = 'RunCancelledError';
  }
}

/** The whole run exceeded `settings.timeout`. */
export class RunTimedOutError extends Error {
  constructor(timeout: string) {
    super(`The run took longer than its timeout (${timeout})`);
    this.name = 'RunTimedOutError';
  }
}

/** One step attempt exceeded the step's `timeout`. */
export class StepTimedOutError extends Error {
  constructor(
    readonly stepName: string,
    timeout: string
  ) {
    super(`Step "${stepName}" took longer than its timeout (${timeout})`);
    this.name = 'StepTimedOutError';
  }
}

export const STEP_INTERRUPTED = 'StepInterruptedError';

/** Closes an attempt that was running when the process stopped or crashed; the step runs again. */
export class StepInterruptedError extends Error {
  constructor(stepName: string, attempt: number) {
    super(`Step "${stepName}" was interrupted by a stop or crash of the server during attempt ${attempt}; it runs again`);
    this.name = STEP_INTERRUPTED;
  }
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What a failed step records: the message, the error class, and details such as an HTTP status. */
export const toExecutionError = (error: unknown): ExecutionError => {
  const details = error instanceof Error ? (error as Error & { details?: Record<string, unknown> }).details : undefined;
  return {
    message: errorMessage(error),
    ...(error instanceof Error && error.name !== 'Error' ? { type: error.name } : {}),
    ...(details ? { details } : {}),
  };
};
