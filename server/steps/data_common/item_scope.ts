import { evaluateCondition } from '../../../common/conditions';
import { createTemplateEngine } from '../../../common/templating';
import { UserError } from '../../../common/errors';
import { errorMessage } from '../../engine/errors';
import type { TemplateScope } from '../types';

// The step context renders against the run's scope only, and per-item templates need `item` in
// scope; this engine has the same filters and default limits as the run's.
const templates = createTemplateEngine();

/** Renders a value the way step inputs are rendered, in `scope` (the run's scope plus the item). */
export const renderInScope = (value: unknown, scope: TemplateScope): unknown => templates.render(value, scope);

/** Runs `work` for item `index`, naming the item in the error it throws: data decides which item fails. */
export function forItem<T>(field: string, index: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new UserError(`"${field}" failed for item ${index}: ${errorMessage(error)}`);
  }
}

/** Decides a KQL or `${{ }}` condition with `item` and `index` bound over the run's scope. */
export const itemMatches = (condition: string | boolean, scope: TemplateScope, item: unknown, index: number): boolean =>
  forItem('condition', index, () => evaluateCondition(condition, { ...scope, item, index }, templates));
