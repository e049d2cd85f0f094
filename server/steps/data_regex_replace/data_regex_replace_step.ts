import type { StepKind } from '../types';
import { dataInput } from '../data_common/data_input';
import { sourceAndRegex, type RegexInput } from '../data_common/regex';
import { requireString } from '../data_common/value_checks';

interface DataRegexReplaceInput extends RegexInput {
  replacement?: unknown;
}

/**
 * Replaces every match of `pattern` in `source` (only the first with `all: false`). The
 * replacement follows JavaScript: `$1`, `$<name>`, `$&` (the match) and `$$` (a dollar sign).
 */
export const dataRegexReplaceStep: StepKind<DataRegexReplaceInput> = {
  type: 'data.regexReplace',
  description: 'Replaces the matches of a regular expression in a string',
  input: (step, render) => dataInput(step, render, 'source'),
  async run({ step, input }) {
    const { source, regex } = sourceAndRegex(step, input, input.all !== false);
    return { output: source.replace(regex, requireString('replacement', step.with?.replacement, input.replacement)) };
  },
};
