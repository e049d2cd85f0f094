/**
 * The AbortSignal one step attempt runs with: aborted when the run is cancelled or times out,
 * or when the attempt exceeds the step's own `timeout`. The abort reason says which.
 */
import { StepTimedOutError } from './errors';

export interface StepSignal {
  signal: AbortSignal;
  /** Rejects with the abort reason as soon as the signal aborts, so a step that ignores it still ends. */
  aborted: Promise<never>;
  dispose(): void;
}

export function stepSignal(runSignal: AbortSignal, step: { name: string; timeoutMs?: number; timeout?: string }): StepSignal {
  const controller = new AbortController();
  const onRunAbort = () => controller.abort(runSignal.reason);
  if (runSignal.aborted) onRunAbort();
  else runSignal.addEventListener('abort', onRunAbort, { once: true });
  const timer =
    step.timeoutMs !== undefined ? setTimeout(() => controller.abort(new StepTimedOutError(step.name, step.timeout ?? `${step.timeoutMs}ms`)), step.timeoutMs) : undefined;
  let reject!: (reason: unknown) => void;
  const aborted = new Promise<never>((_, r) => (reject = r));
  // Nobody may be listening when the step finished first; do not report that as unhandled.
  aborted.catch(() => undefined);
  controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  if (controller.signal.aborted) reject(controller.signal.reason);
  return {
    signal: controller.signal,
    aborted,
    dispose: () => {
      if (timer) clearTimeout(timer);
      runSignal.removeEventListener('abort', onRunAbort);
    },
  };
}
