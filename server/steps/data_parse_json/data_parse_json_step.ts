import { UserError } from '../../../common/errors';
import type { StepKind } from '../types';
import { dataInput } from '../data_common/data_input';
import { requireString } from '../data_common/value_checks';
import { findJsonError } from './find_json_error';

interface DataParseJsonInput {
  source?: unknown;
}

/** Line and column (1-based) of `offset` in `text`. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Parses the JSON text of `source`; bad JSON fails the step with the line and column of the problem. */
export const dataParseJsonStep: StepKind<DataParseJsonInput> = {
  type: 'data.parseJson',
  description: 'Parses a JSON string into a value',
  input: (step, render) => dataInput(step, render, 'source'),
  async run({ step, input }) {
    const text = requireString('source', step.source, input.source);
    try {
      return { output: JSON.parse(text) };
    } catch (error) {
      const problem = findJsonError(text) ?? { offset: 0, message: (error as Error).message };
      throw new UserError(`"source" is not valid JSON at ${position(text, problem.offset)}: ${problem.message}`);
    }
  },
};
