import { findKqlError } from '../../kql';
import type { Path } from '../yaml/source_map';
import { at, formatPath, locate } from './describe';
import { error, type PendingFinding } from './finding';
import type { ValidationRule } from './rule';
import { isRawMap, type WorkflowIndex } from './workflow_index';

/** Where conditions are written; a condition with `{{ }}` is rendered before it is read as KQL, so only plain ones are checked. */
const conditions = (index: WorkflowIndex): Array<[Path, unknown]> => {
  const found: Array<[Path, unknown]> = [];
  for (const { step, path, type } of index.steps) {
    found.push([[...path, 'if'], step.if]);
    if (type === 'if' || type === 'while') found.push([[...path, 'condition'], step.condition]);
    if (isRawMap(step['on-failure']) && isRawMap(step['on-failure'].retry)) {
      found.push([[...path, 'on-failure', 'retry', 'condition'], step['on-failure'].retry.condition]);
    }
  }
  const triggers = index.workflow.triggers;
  if (Array.isArray(triggers)) {
    triggers.forEach((trigger, i) => {
      if (isRawMap(trigger) && trigger.type === 'alert' && isRawMap(trigger.with)) {
        found.push([['triggers', i, 'with', 'condition'], trigger.with.condition]);
      }
    });
  }
  return found;
};

export const invalidKql: ValidationRule = {
  codes: ['invalid-kql'],
  check: (index) =>
    conditions(index).flatMap(([path, value]): PendingFinding[] => {
      if (typeof value !== 'string' || value.includes('{{') || value.includes('{%')) return [];
      const problem = findKqlError(value);
      if (!problem) return [];
      const { where, relative } = locate(index, path);
      const message = `"${formatPath(relative)}" is not valid KQL: ${problem.message}`;
      return [{ ...error('invalid-kql', at(where, message), path), offset: problem.offset }];
    }),
};
