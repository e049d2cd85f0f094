import type { StepKind } from '../types';
import { stepError } from '../http/response_error';
import { kibanaCaller, type KibanaCaller } from './kibana_caller';

export type NamedInput = Record<string, unknown>;
export type KibanaOperation = (caller: KibanaCaller, input: NamedInput, now: Date) => Promise<unknown>;

/**
 * A step family whose type names one operation of a catalogue (`kibana.SetAlertsStatus`,
 * `cases.createCase`), each a few Kibana API calls. Safe to rerun: every write carries the
 * step's idempotency key.
 */
export function namedKibanaStep(options: {
  type: string;
  prefix: string;
  description: string;
  operations: Record<string, KibanaOperation>;
  notImplemented: (name: string) => string;
}): StepKind<NamedInput> {
  const { type, prefix, description, operations, notImplemented } = options;
  return {
    type,
    description,
    safeToRerun: true,
    async run(context) {
      const name = context.step.type.slice(prefix.length);
      const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
      if (!operation) throw stepError(notImplemented(name));
      return { output: await operation(kibanaCaller(context), context.input ?? {}, context.now()) };
    },
  };
}
