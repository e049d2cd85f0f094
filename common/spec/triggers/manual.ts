import { z } from 'zod';
import { InputsSchema } from './inputs';

export const ManualTriggerSchema = z
  .strictObject({
    type: z.literal('manual').describe('Run on demand: from the app, the API, or “Run workflow” on an alert.'),
    inputs: InputsSchema.optional(),
  })
  .meta({ id: 'ManualTrigger' });
export type ManualTrigger = z.infer<typeof ManualTriggerSchema>;
