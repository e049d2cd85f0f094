import type { StepDefinition, SwitchCase } from '../../../common/spec';
import type { StepKind } from '../types';

const matches = (value: unknown, match: SwitchCase['match']) =>
  (Array.isArray(match) ? match : [match]).some((candidate) => String(candidate) === String(value));

/**
 * Runs the steps of the first case whose `match` equals the rendered `expression` (compared as
 * text, so `1` matches "1"), or `default`. The case taken is kept for a resumed run.
 */
export const switchStep: StepKind = {
  type: 'switch',
  description: 'Branches on a value',
  container: true,
  async run(context) {
    const { step, previous } = context;
    const cases = (step.cases ?? []) as SwitchCase[];
    let chosen = previous?.state?.case as number | undefined;
    let value = previous?.state?.value;
    if (chosen === undefined) {
      value = context.render(step.expression);
      chosen = cases.findIndex((c) => matches(value, c.match));
      await context.saveState({ case: chosen, value });
    }
    const steps = (chosen >= 0 ? cases[chosen].steps : step.default) as StepDefinition[] | undefined;
    await context.runSteps(steps ?? []);
    return { output: { value, matchedCase: chosen >= 0 ? cases[chosen].match : null }, state: { case: chosen, value } };
  },
};
