import type { StepDefinition } from '../../../common/spec';
import type { StepKind } from '../types';

type Branch = 'then' | 'else';

/** Runs `steps` when `condition` holds, otherwise `else`. The branch taken is kept for a resumed run. */
export const ifStep: StepKind = {
  type: 'if',
  description: 'Branches on a condition',
  container: true,
  async run(context) {
    const { step, previous } = context;
    let branch = previous?.state?.branch as Branch | undefined;
    if (!branch) {
      const condition = step.condition as string | boolean | undefined;
      if (condition === undefined) throw new Error('An "if" step needs a "condition"');
      branch = context.evaluateCondition(condition) ? 'then' : 'else';
      await context.saveState({ branch });
    }
    const steps = (branch === 'then' ? step.steps : step.else) as StepDefinition[] | undefined;
    await context.runSteps(steps ?? []);
    return { output: { conditionResult: branch === 'then' }, state: { branch } };
  },
};
