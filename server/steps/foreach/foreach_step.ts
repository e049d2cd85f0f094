import type { StepDefinition } from '../../../common/spec';
import type { StepKind } from '../types';
import { loopItems } from './resolve_items';
import { runIteration } from './run_iteration';

/**
 * Runs `steps` once per item of `foreach`, with `foreach.item/index/total/items` in scope.
 * The items are evaluated once and kept, so a resumed run iterates the same list.
 */
export const foreachStep: StepKind = {
  type: 'foreach',
  description: 'Repeats steps for each item of a list',
  container: true,
  async run(context) {
    const { step } = context;
    const items = await loopItems(context);
    let iterations = 0;
    for (let index = 0; index < items.length; index++) {
      iterations++;
      const goOn = await runIteration(context, (step.steps ?? []) as StepDefinition[], { item: items[index], index, total: items.length, items });
      if (!goOn) break;
    }
    return { output: { total: items.length, iterations }, state: { items } };
  },
};
