import { z } from 'zod';
import { DurationSchema } from '../steps/fields';
import { OnFailureSchema } from './on_failure';

export const CONCURRENCY_STRATEGIES = ['queue', 'drop', 'cancel-in-progress'] as const;

export const ConcurrencySchema = z
  .strictObject({
    key: z
      .string()
      .optional()
      .describe(
        'Runs with the same rendered key share the limit, e.g. `{{ event.alerts[0].host.name }}`. Default: the workflow.'
      ),
    strategy: z
      .enum(CONCURRENCY_STRATEGIES)
      .optional()
      .describe(
        'When the limit is reached: `queue` the new run, `drop` it, or `cancel-in-progress` runs. Default queue.'
      ),
    max: z.number().int().min(1).optional().describe('How many runs may be in progress at once. Default 1.'),
  })
  .describe('Limit how many runs of this workflow are in progress at once.')
  .meta({ id: 'Concurrency' });
export type Concurrency = z.infer<typeof ConcurrencySchema>;

export const SettingsSchema = z
  .strictObject({
    timeout: DurationSchema.optional().describe('Fail the run when it takes longer than this, e.g. `20m`.'),
    timezone: z
      .string()
      .optional()
      .describe('Time zone used by date filters and schedules, e.g. `Europe/Paris`. Default UTC.'),
    'on-failure': OnFailureSchema.optional().describe('Default failure handling of every step that has none.'),
    concurrency: ConcurrencySchema.optional(),
    'max-step-size': z
      .union([z.string().regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i), z.number().int().min(1)])
      .optional()
      .describe('Largest output a step may produce, e.g. `10mb` (or a number of bytes). Bigger outputs fail the step.'),
  })
  .describe('Run-wide settings.')
  .meta({ id: 'Settings' });
export type Settings = z.infer<typeof SettingsSchema>;
