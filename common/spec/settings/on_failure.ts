import { z } from 'zod';
import type { StepSchema } from '../steps/step';
import { stepArray } from '../steps/step_ref';
import { ConditionSchema, DurationSchema } from '../steps/fields';

export const RetrySchema = z
  .strictObject({
    'max-attempts': z
      .number()
      .int()
      .min(1)
      .describe('How many times the step runs in total before it is considered failed (1 = no retry).'),
    delay: DurationSchema.optional().describe('Wait before the next attempt, e.g. `5s`. Default `1s`.'),
    strategy: z
      .enum(['fixed', 'exponential'])
      .optional()
      .describe(
        '`fixed` waits `delay` every time; `exponential` multiplies the wait by `multiplier` after each attempt.'
      ),
    multiplier: z
      .number()
      .min(1)
      .optional()
      .describe('Growth factor of the delay for the `exponential` strategy. Default 2.'),
    'max-delay': DurationSchema.optional().describe('Upper bound of the delay between attempts, e.g. `1m`.'),
    jitter: z
      .boolean()
      .optional()
      .describe('Randomise each delay by up to ±20% so that retries of many runs do not align.'),
    condition: ConditionSchema.optional().describe(
      'Retry only when this KQL condition (or `${{ }}` expression) holds for the failure, e.g. `error.statusCode >= 500`.'
    ),
  })
  .describe('Run the step again when it fails.')
  .meta({ id: 'Retry' });
export type Retry = z.infer<typeof RetrySchema>;

export const OnFailureSchema = z
  .strictObject({
    retry: RetrySchema.optional(),
    get fallback(): z.ZodOptional<z.ZodArray<typeof StepSchema>> {
      return stepArray()
        .optional()
        .describe(
          'Steps that run when the step still fails after its retries; `steps.<name>.error` holds the failure.'
        );
    },
    continue: z
      .boolean()
      .optional()
      .describe('When true, the workflow goes on after the failure (and after the fallback steps) instead of failing.'),
  })
  .describe('What happens when the step fails: retry, run fallback steps, and/or continue.')
  .meta({ id: 'OnFailure' });
export type OnFailure = z.infer<typeof OnFailureSchema>;
