import { z } from 'zod';
import { WorkflowSchema } from './workflow';

let cached: Record<string, unknown> | undefined;

/**
 * The workflow schema as JSON Schema (draft-07, what monaco-yaml reads). `io: 'input'` keeps
 * defaulted fields optional; shared sub-schemas become `definitions` so the document stays small.
 */
export const getWorkflowJsonSchema = (): Record<string, unknown> => {
  cached ??= z.toJSONSchema(WorkflowSchema, { target: 'draft-07', io: 'input', reused: 'inline' }) as Record<
    string,
    unknown
  >;
  return structuredClone(cached);
};
