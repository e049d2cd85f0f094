import { z } from 'zod';
import { defineStep } from './base';
import { DurationSchema, JsonSchemaObjectSchema } from './fields';

/** Steps that pause a run: the execution waits (durably) and resumes where it stopped. */

export const WaitStepSchema = defineStep('wait', 'Pause the run for a while.', {
  with: z
    .strictObject({ duration: DurationSchema.describe('How long to pause, e.g. `30s` or `5m`.') })
    .describe('How long to wait.'),
}).meta({ id: 'WaitStep' });
export type WaitStep = z.infer<typeof WaitStepSchema>;

export const WaitForInputStepSchema = defineStep(
  'waitForInput',
  'Pause the run until someone provides input; the input becomes the step output.',
  {
    with: z
      .strictObject({
        message: z.string().optional().describe('What the person is asked for.'),
        schema: JsonSchemaObjectSchema.optional().describe('JSON Schema of the expected input.'),
      })
      .optional()
      .describe('What to ask. Use the step `timeout` to stop waiting.'),
  }
).meta({ id: 'WaitForInputStep' });
export type WaitForInputStep = z.infer<typeof WaitForInputStepSchema>;

export const WaitForApprovalStepSchema = defineStep(
  'waitForApproval',
  'Pause the run until someone approves or rejects; a rejection fails the step.',
  {
    with: z
      .strictObject({
        message: z.string().optional().describe('What is to be approved.'),
        approvers: z
          .array(z.string())
          .optional()
          .describe('User names allowed to decide; default: anyone who can run the workflow.'),
      })
      .optional()
      .describe('What to approve. Use the step `timeout` to stop waiting.'),
  }
).meta({ id: 'WaitForApprovalStep' });
export type WaitForApprovalStep = z.infer<typeof WaitForApprovalStepSchema>;
