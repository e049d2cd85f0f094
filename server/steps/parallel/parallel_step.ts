import type { ParallelBranch, StepDefinition } from '../../../common/spec';
import type { StepKind } from '../types';

/**
 * Runs every branch at the same time, each branch's steps in order, and ends when all have
 * ended. If any branch failed, the step fails with the first failure once the others finished.
 * A branch's name then reads like a step (`steps.<branch>.output`, a `merge` source) whose
 * output is the output of the branch's last step.
 */
export const parallelStep: StepKind = {
  type: 'parallel',
  description: 'Runs branches concurrently',
  container: true,
  async run(context) {
    const branches = (context.step.branches ?? []) as Array<ParallelBranch & { name?: string }>;
    const results = await Promise.allSettled(branches.map((branch) => context.runSteps((branch.steps ?? []) as StepDefinition[])));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const steps = context.scope().steps as Record<string, { output?: unknown }>;
    const outputs: Record<string, unknown> = {};
    branches.forEach((branch, i) => {
      const last = (branch.steps as StepDefinition[] | undefined)?.at(-1);
      const output = last ? (steps[last.name]?.output ?? null) : null;
      const name = branch.name ?? `branch_${i}`;
      outputs[name] = output;
      if (branch.name) steps[branch.name] = { output };
    });
    return { output: outputs };
  },
};
