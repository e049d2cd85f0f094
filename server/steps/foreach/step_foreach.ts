import type { StepDefinition } from '../../../common/spec';
import type { StepKind } from '../types';
import { loopItems } from './resolve_items';
import { runIteration } from './run_iteration';

/**
 * `foreach:` on any step (not the `foreach` step type): the step runs once per item, with
 * `foreach.item` in scope, and its output is the list of the per-item outputs in order.
 */
export const stepForeach: StepKind = {
  type: 'foreach',
  description: 'Repeats one step for each item of a list',
  container: true,
  async run(context) {
    const { step } = context;
    const items = await loopItems(context);
    const single: StepDefinition = { ...step, foreach: undefined };
    const outputs: unknown[] = [];
    for (let index = 0; index < items.length; index++) {
      const goOn = await runIteration(context, [single], { item: items[index], index, total: items.length, items });
      outputs.push((context.scope().steps as Record<string, { output?: unknown }>)[step.name]?.output ?? null);
      if (!goOn) break;
    }
    return { output: outputs, state: { items } };
  },
};
