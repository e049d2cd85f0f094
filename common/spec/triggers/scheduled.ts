import { z } from 'zod';
import { DurationSchema } from '../steps/fields';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const RRuleSchema = z
  .strictObject({
    freq: z.enum(['DAILY', 'WEEKLY', 'MONTHLY']).describe('How often the rule repeats.'),
    interval: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Every how many periods, e.g. 2 with WEEKLY = every other week. Default 1.'),
    tzid: z.string().optional().describe('Time zone of the hours, e.g. `Europe/Paris`. Default UTC.'),
    dtstart: z.string().optional().describe('ISO date-time the schedule starts from.'),
    byhour: z.array(z.number().int().min(0).max(23)).optional().describe('Hours of the day to run at.'),
    byminute: z.array(z.number().int().min(0).max(59)).optional().describe('Minutes of the hour to run at.'),
    byweekday: z.array(z.enum(WEEKDAYS)).optional().describe('Days of the week (WEEKLY), e.g. `[MO, FR]`.'),
    bymonthday: z.array(z.number().int().min(1).max(31)).optional().describe('Days of the month (MONTHLY).'),
  })
  .describe('A calendar rule (a subset of RFC 5545 RRULE).')
  .meta({ id: 'RRule' });
export type RRule = z.infer<typeof RRuleSchema>;

export const ScheduledTriggerSchema = z
  .strictObject({
    type: z.literal('scheduled').describe('Run on a schedule.'),
    with: z
      .union([
        z.strictObject({
          every: DurationSchema.describe('Interval between runs, e.g. `15m` or `24h` (at least `1m`).'),
        }),
        z.strictObject({ rrule: RRuleSchema }),
      ])
      .describe('When to run: `every` an interval, or by `rrule`.'),
  })
  .meta({ id: 'ScheduledTrigger' });
export type ScheduledTrigger = z.infer<typeof ScheduledTriggerSchema>;
