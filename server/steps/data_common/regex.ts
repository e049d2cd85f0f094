import type { StepDefinition } from '../../../common/spec';
import { UserError } from '../../../common/errors';
import { requireString } from './value_checks';

/** What both regex steps take. */
export interface RegexInput {
  source?: unknown;
  pattern?: unknown;
  flags?: string;
  all?: boolean;
}

/**
 * The text and the compiled pattern of a regex step. `global` comes from the step's `all`
 * option, so a `g` among the author's flags is dropped rather than fighting it.
 */
export function sourceAndRegex(step: StepDefinition, input: RegexInput, global: boolean): { source: string; regex: RegExp } {
  const source = requireString('source', step.source, input.source);
  const pattern = requireString('pattern', step.with?.pattern, input.pattern);
  const flags = input.flags ?? '';
  const named = `The pattern ${JSON.stringify(pattern)}${flags ? ` with flags "${flags}"` : ''}`;
  if (new Set(flags).size !== flags.length) throw new UserError(`${named} repeats a flag`);
  try {
    return { source, regex: new RegExp(pattern, flags.replaceAll('g', '') + (global ? 'g' : '')) };
  } catch (error) {
    // V8 repeats the pattern in its message; keep only the reason.
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, '');
    throw new UserError(`${named} is not a valid regular expression: ${reason}`);
  }
}
