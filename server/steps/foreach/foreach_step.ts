import type { StepDefinition } from '../../../common/spec';
import type { StepKind } from '../types';
import { resolveItems } from './resolve_items';

/**
 * Runs `steps` once per item of `foreach`, with `foreach.item/index/total/items` in scope.
 * The items are evaluated once and kept, so a resumed run iterates the same list.
 */
export const foreachStep: StepKind = {
  type: 'foreach',
  description: 'Repeats steps for each item of a list',
  container: true,
  async run(context) {
    const { step, previous } = context;
    let items = previous?.state?.items as unknown[] | undefined;
    if (!items) {
      items = resolveItems(step.foreach, context);
      await context.saveState({ items });
    }
    for (let index = 0; index < items.length; index++) {
      await context.runSteps((step.steps ?? []) as StepDefinition[], {
        loop: { name: step.name, frame: { item: items[index], index, total: items.length, items } },
      });
    }
    return { output: { total: items.length }, state: { items } };
  },
};
