import { at, stepLabel } from './describe';
import { warning, type PendingFinding } from './finding';
import { findReferences } from './references';
import type { ValidationRule } from './rule';
import { didYouMean } from './suggest';
import type { StepVisit, StringVisit } from './workflow_index';

const isAncestor = (ancestor: StepVisit, visit: StepVisit): boolean => {
  for (let parent = visit.parent; parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
};

/**
 * A step's failure handling may read its own result (`steps.<self>.error`) and that of the steps it
 * contains; anywhere else, a reference to a step that has not run yet renders empty.
 */
const runsLater = (target: StepVisit, from: StringVisit & { step: StepVisit }): boolean => {
  if (from.zone === 'on-failure' && (target === from.step || isAncestor(from.step, target))) return false;
  return target.order >= from.step.order;
};

/** `steps.<name>` must name a step, and one that has run by the time the reference is rendered. */
export const stepReferences: ValidationRule = {
  codes: ['unknown-step-reference', 'forward-step-reference'],
  check: (index) => {
    const byName = new Map<string, StepVisit>();
    for (const visit of index.steps)
      if (visit.name !== undefined && !byName.has(visit.name)) byName.set(visit.name, visit);
    return index.strings.flatMap((string): PendingFinding[] => {
      const { step } = string;
      if (!step) return [];
      return findReferences(string.text, 'steps').flatMap((reference): PendingFinding[] => {
        const target = byName.get(reference.name);
        const where = stepLabel(step);
        const extra = { offset: reference.offset };
        if (!target) {
          const hint = didYouMean(reference.name, byName.keys());
          const message = `"${reference.text}" refers to no step named "${reference.name}"${hint}`;
          return [warning('unknown-step-reference', at(where, message), string.path, extra)];
        }
        if (!runsLater(target, { ...string, step })) return [];
        const when = target === step ? 'is this step itself' : `runs later (${stepLabel(target)})`;
        const message = `"${reference.text}" ${when}: it renders empty at run time`;
        return [warning('forward-step-reference', at(where, message), string.path, extra)];
      });
    });
  },
};
