import type { WEEKDAYS } from '../spec/triggers/scheduled';

export type Weekday = (typeof WEEKDAYS)[number];
export type RruleFrequency = 'DAILY' | 'WEEKLY' | 'MONTHLY';

/** A `byweekday` entry: `MO`, or for MONTHLY rules the nth one of the month: `2TU`, `-1FR` (last). */
export interface WeekdayRule {
  weekday: Weekday;
  nth?: number;
}

/**
 * An `rrule` after validation: lists sorted and without duplicates, `tzid` canonical, `dtstart` an
 * ISO instant. What RFC 5545 takes from DTSTART (time of day, weekday of WEEKLY, day of MONTHLY) is
 * filled in from `dtstart`; without `dtstart` it stays absent and comes from the anchor at run time.
 */
export interface NormalizedRrule {
  freq: RruleFrequency;
  interval: number;
  tzid: string;
  dtstart?: string;
  byhour?: number[];
  byminute?: number[];
  byweekday?: WeekdayRule[];
  bymonthday?: number[];
}

export type Schedule = { kind: 'every'; everyMs: number } | { kind: 'rrule'; rule: NormalizedRrule };

export interface ScheduleOptions {
  /**
   * When the schedule started counting, normally when the workflow was enabled or saved. `every`
   * slots are `anchor + k × every`, so runs never drift by their own latency; an rrule without
   * `dtstart` starts here. Without an anchor both start at 1970-01-01T00:00 (wall time of the rule's
   * zone for rrules), which keeps results deterministic.
   */
  anchor?: Date;
}

export interface MissedRun {
  /** At least one slot passed since the last run (or the anchor): run once now. */
  runNow: boolean;
  /** The first slot strictly after now. */
  nextRunAt: Date;
}
