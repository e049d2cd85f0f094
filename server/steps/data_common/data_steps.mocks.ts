import { stringify } from 'yaml';
import { createTestEngine, workflowYaml } from '../../engine/engine_test_utils';

/**
 * Runs, through the real engine, a workflow whose only step is `{ name: step, ...fields }`
 * written out as YAML, and returns the execution and the step's stored record.
 */
export async function runDataStep(fields: Record<string, unknown>, inputs: Record<string, unknown> = {}) {
  const steps = stringify([{ name: 'step', ...fields }]).replace(/^(?=.)/gm, '  ');
  const { execution, steps: records } = await createTestEngine().run(workflowYaml(steps), { inputs });
  expect(records).toHaveLength(1);
  return { execution, step: records[0] };
}

/** Runs the step and expects it, and so the run, to fail with `message` as the author's error. */
export async function expectStepFailure(fields: Record<string, unknown>, inputs: Record<string, unknown>, message: string) {
  const { execution, step } = await runDataStep(fields, inputs);
  expect([step.status, step.error, step.output]).toEqual(['failed', { message, type: 'UserError' }, null]);
  expect([execution.status, execution.error?.message]).toEqual(['failed', `Step "step" failed: ${message}`]);
}
