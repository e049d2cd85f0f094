import { at, locate } from './describe';
import { warning, type PendingFinding } from './finding';
import { findReferences } from './references';
import { didYouMean } from './suggest';
import type { WorkflowIndex } from './workflow_index';

/*
 * Elastic runs workflows that read undeclared inputs or consts (they render empty), and some of its
 * own examples do, so these are warnings.
 */

/** Places whose strings are rendered at run time. */
const RENDERED_ROOTS = new Set(['steps', 'settings']);

export const checkReferences = (
  index: WorkflowIndex,
  root: 'inputs' | 'consts',
  declared: Set<string>
): PendingFinding[] =>
  index.strings.flatMap((string) => {
    if (!RENDERED_ROOTS.has(String(string.path[0]))) return [];
    return findReferences(string.text, root).flatMap((reference) => {
      if (declared.has(reference.name)) return [];
      const kind = root === 'inputs' ? 'input' : 'const';
      const where = locate(index, string.path).where;
      const declareAt = root === 'inputs' ? 'the inputs of the manual trigger' : '`consts`';
      const message = `"${reference.text}" is not declared in ${declareAt}; it renders empty${didYouMean(reference.name, declared)}`;
      return [warning(`undeclared-${kind}`, at(where, message), string.path, { offset: reference.offset })];
    });
  });
