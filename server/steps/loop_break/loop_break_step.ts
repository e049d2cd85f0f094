import { LoopSignal } from '../../engine/errors';
import type { StepKind } from '../types';

/** Leaves the innermost loop. On a resumed run it leaves it again, at the same place. */
export const loopBreakStep: StepKind = {
  type: 'loop.break',
  description: 'Leaves the innermost loop',
  async run() {
    throw new LoopSignal('break');
  },
  restore() {
    throw new LoopSignal('break');
  },
};
