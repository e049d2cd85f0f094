import { inputNames } from '../triggers/inputs';
import type { ValidationRule } from './rule';
import { checkReferences } from './undeclared_references';
import { isRawMap, type WorkflowIndex } from './workflow_index';

/** Inputs are declared under the manual trigger, or at the top level in the 9.3 form. */
const declaredInputs = ({ workflow }: WorkflowIndex): Set<string> => {
  const names = inputNames(workflow.inputs);
  if (Array.isArray(workflow.triggers)) {
    for (const trigger of workflow.triggers) if (isRawMap(trigger)) names.push(...inputNames(trigger.inputs));
  }
  return new Set(names);
};

export const undeclaredInput: ValidationRule = {
  codes: ['undeclared-input'],
  check: (index) => checkReferences(index, 'inputs', declaredInputs(index)),
};
