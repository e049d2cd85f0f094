import { nextRruleRun } from './rrule';
import type { MissedRun, Schedule, ScheduleOptions } from './types';

/**
 * The first run strictly after `after`. `every` slots are `anchor + k × every` (k any integer), so
 * a run that starts late does not push the next ones back; `every: 1d` means 24 hours, whatever the
 * DST changes (an rrule keeps a wall-clock time).
 */
export function nextRunAfter(schedule: Schedule, after: Date, options: ScheduleOptions = {}): Date {
  const anchor = options.anchor?.getTime();
  if (schedule.kind === 'rrule') return new Date(nextRruleRun(schedule.rule, after.getTime(), anchor));
  const origin = anchor ?? 0;
  const slotsSoFar = Math.floor((after.getTime() - origin) / schedule.everyMs);
  return new Date(origin + (slotsSoFar + 1) * schedule.everyMs);
}

/**
 * What to do when the scheduler wakes up, after a normal sleep or after downtime: if any slot came
 * due since the last run (or since the anchor when it never ran) it runs once now, however many
 * slots were missed, then the schedule continues at its first slot after now.
 */
export function missedRun(
  schedule: Schedule,
  lastRunAt: Date | undefined,
  now: Date,
  options: ScheduleOptions = {}
): MissedRun {
  const since = lastRunAt ?? options.anchor;
  const runNow = since !== undefined && nextRunAfter(schedule, since, options).getTime() <= now.getTime();
  return { runNow, nextRunAt: nextRunAfter(schedule, now, options) };
}
