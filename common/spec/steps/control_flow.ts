import { z } from 'zod';
import { baseStepShape, defineStep } from './base';
import { ConditionSchema, ForeachExpressionSchema, StepNameSchema } from './fields';
import type { StepSchema } from './step';
import { stepArray } from './step_ref';

/* Container steps hold nested steps; the lists are getters because StepSchema is recursive (see step_ref). */

type StepList = z.ZodArray<typeof StepSchema>;
const stepList = (description: string) => stepArray().min(1).describe(description);

export const IfStepSchema = z
  .strictObject({
    ...baseStepShape,
    type: z.literal('if').describe('Run `steps` when `condition` holds, `else` otherwise.'),
    condition: ConditionSchema,
    get steps(): StepList {
      return stepList('Steps run when the condition holds.');
    },
    get else(): z.ZodOptional<StepList> {
      return stepList('Steps run when the condition does not hold.').optional();
    },
  })
  .describe('Branch on a condition.')
  .meta({ id: 'IfStep' });
export type IfStep = z.infer<typeof IfStepSchema>;

export const SwitchCaseSchema = z
  .strictObject({
    match: z
      .union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))])
      .describe('The value (or list of values) of `expression` that selects this case.'),
    get steps(): StepList {
      return stepList('Steps run for this case.');
    },
  })
  .meta({ id: 'SwitchCase' });
export type SwitchCase = z.infer<typeof SwitchCaseSchema>;

export const SwitchStepSchema = z
  .strictObject({
    ...baseStepShape,
    type: z.literal('switch').describe('Run the steps of the first case whose `match` equals `expression`.'),
    expression: z.string().describe('The value to compare, usually `{{ inputs.kind }}`.'),
    cases: z.array(SwitchCaseSchema).min(1).describe('The cases, tried in order.'),
    get default(): z.ZodOptional<StepList> {
      return stepList('Steps run when no case matches.').optional();
    },
  })
  .describe('Choose a branch by value.')
  .meta({ id: 'SwitchStep' });
export type SwitchStep = z.infer<typeof SwitchStepSchema>;

export const ForeachStepSchema = z
  .strictObject({
    ...baseStepShape,
    type: z.literal('foreach').describe('Run `steps` once per item of `foreach`.'),
    foreach: ForeachExpressionSchema,
    get steps(): StepList {
      return stepList(
        'Steps run for every item; `foreach.item`, `foreach.index` and `foreach.total` describe the iteration.'
      );
    },
  })
  .describe('Loop over a list.')
  .meta({ id: 'ForeachStep' });
export type ForeachStep = z.infer<typeof ForeachStepSchema>;

export const WhileStepSchema = z
  .strictObject({
    ...baseStepShape,
    type: z.literal('while').describe('Repeat `steps` while `condition` holds.'),
    condition: ConditionSchema,
    'max-iterations': z.number().int().min(1).optional().describe('Stop after this many iterations. Default 100.'),
    'on-limit': z
      .enum(['continue', 'fail'])
      .optional()
      .describe(
        'What happens when `max-iterations` is reached: go on with the workflow, or fail the step. Default fail.'
      ),
    get steps(): StepList {
      return stepList('Steps run in every iteration.');
    },
  })
  .describe('Loop while a condition holds.')
  .meta({ id: 'WhileStep' });
export type WhileStep = z.infer<typeof WhileStepSchema>;

export const ParallelBranchSchema = z
  .strictObject({
    name: StepNameSchema.describe('Name of the branch; a `merge` step lists it in `sources`.'),
    get steps(): StepList {
      return stepList('Steps of the branch, run in order.');
    },
  })
  .meta({ id: 'ParallelBranch' });
export type ParallelBranch = z.infer<typeof ParallelBranchSchema>;

export const ParallelStepSchema = z
  .strictObject({
    ...baseStepShape,
    type: z.literal('parallel').describe('Run several branches at the same time.'),
    branches: z.array(ParallelBranchSchema).min(1).describe('The branches; the step ends when all of them have ended.'),
  })
  .describe('Run branches concurrently.')
  .meta({ id: 'ParallelStep' });
export type ParallelStep = z.infer<typeof ParallelStepSchema>;

export const MergeStepSchema = defineStep(
  'merge',
  'Combine the outputs of parallel branches or earlier steps into one object keyed by their names.',
  {
    sources: z.array(z.string().min(1)).min(1).describe('Names of the branches or steps whose outputs are combined.'),
    with: z.strictObject({}).optional().describe('No options.'),
  }
).meta({ id: 'MergeStep' });
export type MergeStep = z.infer<typeof MergeStepSchema>;

export const LoopBreakStepSchema = defineStep('loop.break', 'Leave the innermost `foreach` or `while` loop now.', {
  with: z.strictObject({}).optional().describe('No options.'),
}).meta({ id: 'LoopBreakStep' });
export type LoopBreakStep = z.infer<typeof LoopBreakStepSchema>;

export const LoopContinueStepSchema = defineStep(
  'loop.continue',
  'Skip the rest of this iteration of the innermost `foreach` or `while` loop.',
  { with: z.strictObject({}).optional().describe('No options.') }
).meta({ id: 'LoopContinueStep' });
export type LoopContinueStep = z.infer<typeof LoopContinueStepSchema>;
