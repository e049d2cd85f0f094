import type { StepKind } from '../types';

/** Writes a message to the run's log; the rendered message is the step's output. */
export const consoleStep: StepKind<{ message?: unknown }> = {
  type: 'console',
  description: 'Logs a message',
  async run({ input, log }) {
    const message = typeof input.message === 'string' ? input.message : JSON.stringify(input.message ?? '');
    log('info', message);
    return { output: message };
  },
};
