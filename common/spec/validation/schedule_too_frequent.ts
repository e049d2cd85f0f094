import { parseDurationMs } from '../durations';
import { warning, type PendingFinding } from './finding';
import type { ValidationRule } from './rule';
import { isRawMap } from './workflow_index';

const MINIMUM_MS = 60_000;

export const scheduleTooFrequent: ValidationRule = {
  codes: ['schedule-too-frequent'],
  check: ({ workflow }) => {
    if (!Array.isArray(workflow.triggers)) return [];
    return workflow.triggers.flatMap((trigger, i): PendingFinding[] => {
      if (!isRawMap(trigger) || trigger.type !== 'scheduled' || !isRawMap(trigger.with)) return [];
      const every = trigger.with.every;
      const ms = typeof every === 'string' ? parseDurationMs(every) : undefined;
      if (ms === undefined || ms >= MINIMUM_MS) return [];
      const message = `triggers[${i}]: runs every ${every}, more often than once a minute; Elastic migrates it to 1m, and so does this host`;
      return [warning('schedule-too-frequent', message, ['triggers', i, 'with', 'every'])];
    });
  },
};
