import type { ValidationRule } from './rule';
import { checkReferences } from './undeclared_references';
import { isRawMap } from './workflow_index';

export const undeclaredConst: ValidationRule = {
  codes: ['undeclared-const'],
  check: (index) => {
    const { consts } = index.workflow;
    return checkReferences(index, 'consts', new Set(isRawMap(consts) ? Object.keys(consts) : []));
  },
};
