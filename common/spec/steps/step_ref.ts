import { z } from 'zod';
import type { StepSchema } from './step';

/*
 * Steps nest (if/foreach/fallback…), so StepSchema is recursive. Modules that StepSchema is built
 * from cannot import it without an import cycle that breaks module initialisation; they read it
 * here instead, from getters that run only when a value is parsed.
 */
type StepSchemaType = typeof StepSchema;
let current: StepSchemaType | undefined;

export const registerStepSchema = (schema: StepSchemaType): void => {
  current = schema;
};

export const stepArray = (): z.ZodArray<StepSchemaType> => {
  if (!current) throw new Error('StepSchema is not loaded: import it from common/spec before parsing');
  return z.array(current);
};
