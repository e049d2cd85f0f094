import { z } from 'zod';
import { OnFailureSchema } from '../settings/on_failure';
import {
  ConditionSchema,
  ConnectorIdSchema,
  DurationSchema,
  ForeachExpressionSchema,
  OpenWithSchema,
  StepNameSchema,
} from './fields';

/**
 * Fields every step accepts. Step schemas are strict objects, so a misspelled field is an error
 * rather than a silently ignored key.
 */
export const baseStepShape = {
  name: StepNameSchema,
  'connector-id': ConnectorIdSchema.optional(),
  if: ConditionSchema.optional().describe('Run the step only when this condition holds; otherwise it is skipped.'),
  foreach: ForeachExpressionSchema.optional().describe(
    'Run this one step once per item of the list; inside it, `foreach.item` is the current item.'
  ),
  timeout: DurationSchema.optional().describe('Fail the step when it runs longer than this, e.g. `30s`.'),
  'on-failure': OnFailureSchema.optional(),
};

/** A leaf step (no nested steps): the base fields, the `type` literal, and the step's own fields. */
export const defineStep = <const T extends string, S extends z.ZodRawShape>(type: T, description: string, shape: S) =>
  z.strictObject({ ...baseStepShape, type: z.literal(type).describe(description), ...shape }).describe(description);

/** A family of steps whose `type` follows a pattern (`kibana.<action>`, `<vendor>.<operation>`…). */
export const defineStepFamily = <S extends z.ZodRawShape>(
  pattern: RegExp,
  typeDescription: string,
  description: string,
  shape: S
) =>
  z
    .strictObject({ ...baseStepShape, type: z.string().regex(pattern).describe(typeDescription), ...shape })
    .describe(description);

/** `with` for steps that take parameters passed through as they are. */
export const openWith = (description: string) => OpenWithSchema.optional().describe(description);
