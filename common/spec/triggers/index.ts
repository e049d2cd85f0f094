import { z } from 'zod';
import { AlertTriggerSchema } from './alert';
import { ManualTriggerSchema } from './manual';
import { ScheduledTriggerSchema } from './scheduled';

export * from './alert';
export * from './inputs';
export * from './manual';
export * from './scheduled';

export const TriggerSchema = z
  .discriminatedUnion('type', [ManualTriggerSchema, ScheduledTriggerSchema, AlertTriggerSchema])
  .describe('What starts a run: `manual`, `scheduled` or `alert`.')
  .meta({ id: 'Trigger' });
export type Trigger = z.infer<typeof TriggerSchema>;

export const TRIGGER_TYPES = ['manual', 'scheduled', 'alert'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];
export * from './declared_inputs';
