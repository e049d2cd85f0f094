import type { StepKind } from '../types';

/** Sets outputs of the run (merged); a parent run's `workflow.execute` step returns them. */
export const workflowOutputStep: StepKind = {
  type: 'workflow.output',
  description: 'Sets outputs of the run',
  async run({ input, setOutput }) {
    setOutput(input);
    return { output: input };
  },
  restore(record, { setOutput }) {
    setOutput((record.output ?? {}) as Record<string, unknown>);
  },
};
