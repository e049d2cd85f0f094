import type { StepKind } from '../types';

/** Combines the outputs of earlier steps (e.g. the ends of parallel branches) under their names. */
export const mergeStep: StepKind<{ sources: string[] }> = {
  type: 'merge',
  description: 'Combines outputs of earlier steps',
  input: (step) => ({ sources: (step.sources ?? []) as string[] }),
  async run({ input, scope }) {
    const steps = scope().steps as Record<string, { output?: unknown; error?: unknown }>;
    const missing = input.sources.filter((name) => !(name in steps));
    if (missing.length) throw new Error(`merge: no output yet from ${missing.map((n) => `"${n}"`).join(', ')}`);
    return { output: Object.fromEntries(input.sources.map((name) => [name, steps[name].output ?? null])) };
  },
};
