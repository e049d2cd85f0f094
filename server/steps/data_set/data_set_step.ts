import type { StepKind } from '../types';

/** Sets run variables (`variables.<name>`) from the rendered `with` map. */
export const dataSetStep: StepKind = {
  type: 'data.set',
  description: 'Sets variables',
  async run({ input, setVariables }) {
    setVariables(input);
    return { output: input };
  },
  restore(record, { setVariables }) {
    setVariables((record.output ?? {}) as Record<string, unknown>);
  },
};
