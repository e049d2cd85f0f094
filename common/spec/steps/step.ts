import { z } from 'zod';
import type { OnFailure } from '../settings/on_failure';
import { BUILTIN_STEP_SCHEMAS, STEP_FAMILIES } from './registry';
import { registerStepSchema } from './step_ref';

const [esApi, kibanaAction, cases, connector] = STEP_FAMILIES;

/**
 * Any step. Built-in types are a discriminated union (one branch is tried per `type`); pattern
 * families follow. The editor gets the same shape as JSON Schema, where `type` consts and the
 * exclusive patterns make every step match exactly one branch.
 */
export const StepSchema = z
  .union([
    z.discriminatedUnion('type', [...BUILTIN_STEP_SCHEMAS]),
    esApi.schema,
    kibanaAction.schema,
    cases.schema,
    connector.schema,
  ])
  .meta({ id: 'Step' });
export type Step = z.infer<typeof StepSchema>;
registerStepSchema(StepSchema);

/**
 * The loose view of a step the engine works with: every step type is assignable to it, so engine
 * code reads common fields without narrowing on `type` first.
 */
export type StepDefinition = {
  name: string;
  type: string;
  with?: Record<string, unknown>;
  if?: string | boolean;
  foreach?: string | unknown[];
  steps?: StepDefinition[];
  else?: StepDefinition[];
  condition?: string | boolean;
  timeout?: string;
  'connector-id'?: string;
  'on-failure'?: OnFailure;
  [key: string]: unknown;
};
