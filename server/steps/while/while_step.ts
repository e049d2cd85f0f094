import type { StepDefinition } from '../../../common/spec';
import { runIteration } from '../foreach/run_iteration';
import type { StepKind } from '../types';

export const DEFAULT_MAX_ITERATIONS = 100;

/**
 * Repeats `steps` while `condition` holds, at most `max-iterations` times; then either goes on
 * (`on-limit: continue`) or fails (`fail`, the default). `foreach.index` counts iterations.
 */
export const whileStep: StepKind = {
  type: 'while',
  description: 'Repeats steps while a condition holds',
  container: true,
  async run(context) {
    const { step } = context;
    const max = (step['max-iterations'] as number | undefined) ?? DEFAULT_MAX_ITERATIONS;
    const condition = step.condition as string | boolean | undefined;
    if (condition === undefined) throw new Error('A "while" step needs a "condition"');
    let index = 0;
    for (; context.evaluateCondition(condition); index++) {
      if (index >= max) {
        if (step['on-limit'] === 'continue') return { output: { iterations: index, limitReached: true } };
        throw new Error(`"while" stopped after ${max} iterations (max-iterations) with its condition still true`);
      }
      const goOn = await runIteration(context, (step.steps ?? []) as StepDefinition[], { item: index, index, total: max, items: [] });
      if (!goOn) {
        index++;
        break;
      }
    }
    return { output: { iterations: index, limitReached: false } };
  },
};
