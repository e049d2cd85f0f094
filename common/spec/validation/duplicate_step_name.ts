import { at, stepLabel } from './describe';
import { error } from './finding';
import type { ValidationRule } from './rule';
import type { StepVisit } from './workflow_index';

/** Steps are addressed by name (`steps.<name>`), so two steps with one name make references ambiguous. */
export const duplicateStepName: ValidationRule = {
  codes: ['duplicate-step-name'],
  check: (index) => {
    const first = new Map<string, StepVisit>();
    return index.steps.flatMap((visit) => {
      if (visit.name === undefined) return [];
      const earlier = first.get(visit.name);
      if (!earlier) {
        first.set(visit.name, visit);
        return [];
      }
      const message = `step name "${visit.name}" is already used by ${stepLabel(earlier)}; step names must be unique`;
      return [error('duplicate-step-name', at(stepLabel(visit), message), [...visit.path, 'name'])];
    });
  },
};
