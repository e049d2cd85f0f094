import { LoopSignal } from '../../engine/errors';
import type { StepKind } from '../types';

/** Skips the rest of the current loop iteration. On a resumed run it skips it again. */
export const loopContinueStep: StepKind = {
  type: 'loop.continue',
  description: 'Goes on with the next loop iteration',
  async run() {
    throw new LoopSignal('continue');
  },
  restore() {
    throw new LoopSignal('continue');
  },
};
