/** Control-flow signals and failures of the engine. */
import type { ExecutionError } from '../../common/api';

/** Thrown by a step that parks the run (a long `wait`); caught by the runner, never a failure. */
export class ParkRun extends Error {
  constructor(readonly resumeAt: Date) {
    super(`Run parked until ${resumeAt.toISOString()}`);
    this.name = 'ParkRun';
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

/** The run was cancelled (by a user or because it timed out). */
export class RunCancelledError extends Error {
  constructor(message = 'The run was cancelled') {
    super(message);
    this.name = 'RunCancelledError';
  }
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const toExecutionError = (error: unknown): ExecutionError => ({
  message: errorMessage(error),
  ...(error instanceof Error && error.name !== 'Error' ? { type: error.name } : {}),
});
