import { setTimeout as sleep } from 'node:timers/promises';
import type { StepKind } from '../types';
import { parseDuration } from './duration';

/**
 * Pauses the run. A short wait sleeps in the worker; a longer one parks the run (it survives a
 * restart and holds no worker) and the run continues when it is due.
 */
export const waitStep: StepKind<{ duration?: string }> = {
  type: 'wait',
  description: 'Pauses the run for a duration',
  async run(context) {
    const { input, previous, now } = context;
    const ms = parseDuration(input.duration);
    const resumeAt = previous?.state?.resumeAt ? new Date(String(previous.state.resumeAt)) : new Date(now().getTime() + ms);
    const remaining = resumeAt.getTime() - now().getTime();
    if (remaining > context.inlineWaitThresholdMs) {
      return context.park(resumeAt, { resumeAt: resumeAt.toISOString() });
    }
    if (remaining > 0) await sleep(remaining, undefined, { signal: context.signal });
    return { output: { waitedMs: ms }, state: { resumeAt: resumeAt.toISOString() } };
  },
};
