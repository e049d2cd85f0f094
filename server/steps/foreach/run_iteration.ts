import type { StepDefinition } from '../../../common/spec';
import { LoopSignal } from '../../engine/errors';
import type { LoopFrame, StepRunContext } from '../types';

/** Runs one loop iteration; returns false when `loop.break` asked to leave the loop. */
export async function runIteration(context: StepRunContext, steps: StepDefinition[], frame: LoopFrame): Promise<boolean> {
  try {
    await context.runSteps(steps, { loop: { name: context.step.name, frame } });
    return true;
  } catch (error) {
    if (error instanceof LoopSignal) return error.action === 'continue';
    throw error;
  }
}
