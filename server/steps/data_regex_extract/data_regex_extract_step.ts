import type { StepKind } from '../types';
import { dataInput } from '../data_common/data_input';
import { sourceAndRegex, type RegexInput } from '../data_common/regex';
import { extractor } from './extract_fields';

interface DataRegexExtractInput extends RegexInput {
  fields?: Record<string, string>;
}

/**
 * Extracts the first match of `pattern` in `source` (see `extractor` for its shape), or null when
 * nothing matches: no match is an answer, not a failure. With `all`, the list of every match.
 */
export const dataRegexExtractStep: StepKind<DataRegexExtractInput> = {
  type: 'data.regexExtract',
  description: 'Extracts parts of a string with a regular expression',
  input: (step, render) => dataInput(step, render, 'source'),
  async run({ step, input }) {
    const { source, regex } = sourceAndRegex(step, input, input.all === true);
    const extract = extractor(regex, input.fields);
    if (input.all) return { output: Array.from(source.matchAll(regex), extract) };
    const match = regex.exec(source);
    return { output: match ? extract(match) : null };
  },
};
