import { at, stepLabel } from './describe';
import { warning } from './finding';
import { findReferences } from './references';
import type { ValidationRule } from './rule';
import type { StringVisit } from './workflow_index';

/** `foreach.*` exists only while a foreach iterates; a step's own `foreach:` list is read before that. */
const inIteration = ({ step, zone }: StringVisit): boolean =>
  step !== undefined && (step.inForeach || (step.iteratesItself && zone !== 'foreach'));

export const foreachOutsideLoop: ValidationRule = {
  codes: ['foreach-outside-loop'],
  check: (index) =>
    index.strings.flatMap((string) => {
      if (!string.step || inIteration(string)) return [];
      return findReferences(string.text, 'foreach').map((reference) => {
        const message = `"${reference.text}" is only set inside the steps of a foreach; here it renders empty`;
        return warning('foreach-outside-loop', at(stepLabel(string.step!), message), string.path, {
          offset: reference.offset,
        });
      });
    }),
};
