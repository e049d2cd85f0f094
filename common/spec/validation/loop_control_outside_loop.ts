import { at, stepLabel } from './describe';
import { error } from './finding';
import type { ValidationRule } from './rule';

export const loopControlOutsideLoop: ValidationRule = {
  codes: ['loop-control-outside-loop'],
  check: (index) =>
    index.steps.flatMap((visit) => {
      if ((visit.type !== 'loop.break' && visit.type !== 'loop.continue') || visit.inLoop) return [];
      const message = `${visit.type} only works inside the steps of a foreach or while step`;
      return [error('loop-control-outside-loop', at(stepLabel(visit), message), [...visit.path, 'type'])];
    }),
};
