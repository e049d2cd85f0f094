import { WEEKDAYS } from '../spec/triggers/scheduled';
import { ScheduleError } from './schedule_error';
import type { NormalizedRrule, RruleFrequency, WeekdayRule } from './types';
import {
  DAY_MS,
  MINUTE_MS,
  civilDate,
  dayOfWall,
  dayToInstants,
  firstDayOfMonth,
  firstDayOfWeek,
  mod,
  monthNumber,
  toWall,
  wallToInstant,
  weekNumber,
  weekdayIndex,
  type CivilDate,
} from './zoned_time';

export type ResolvedRrule = NormalizedRrule & { byhour: number[]; byminute: number[] };

/** A rule that finds nothing this far ahead never will in practice (Feb 29 needs 4 years). */
export const HORIZON_YEARS = 5;

/** How `interval` counts periods: consecutive days, Monday-based weeks or calendar months. */
const PERIODS: Record<
  RruleFrequency,
  { number: (day: number) => number; firstDay: (period: number) => number; days: number }
> = {
  DAILY: { number: (day) => day, firstDay: (period) => period, days: 1 },
  WEEKLY: { number: weekNumber, firstDay: firstDayOfWeek, days: 7 },
  MONTHLY: { number: monthNumber, firstDay: firstDayOfMonth, days: 31 },
};

/** When the rule starts: its `dtstart`, else the anchor, else 1970-01-01T00:00 in its zone. */
export const ruleStart = (rule: NormalizedRrule, anchor: number | undefined): number =>
  rule.dtstart !== undefined ? Date.parse(rule.dtstart) : (anchor ?? wallToInstant(0, rule.tzid));

/**
 * RFC 5545 takes what a rule leaves out from its start: the time of day (to the minute), the
 * weekday of a WEEKLY rule and the day of a MONTHLY one.
 */
export function withStartDefaults(rule: NormalizedRrule, start: number): ResolvedRrule {
  const wall = toWall(start, rule.tzid);
  const day = dayOfWall(wall);
  const minuteOfDay = Math.floor(mod(wall, DAY_MS) / MINUTE_MS);
  const resolved: ResolvedRrule = {
    ...rule,
    byhour: rule.byhour ?? [Math.floor(minuteOfDay / 60)],
    byminute: rule.byminute ?? [minuteOfDay % 60],
  };
  if (rule.freq === 'WEEKLY' && !rule.byweekday) resolved.byweekday = [{ weekday: WEEKDAYS[weekdayIndex(day)] }];
  if (rule.freq === 'MONTHLY' && !rule.bymonthday && !rule.byweekday) {
    resolved.bymonthday = [civilDate(day).day];
  }
  return resolved;
}

const matchesWeekday = (entry: WeekdayRule, day: number, date: CivilDate): boolean => {
  if (WEEKDAYS[weekdayIndex(day)] !== entry.weekday) return false;
  if (entry.nth === undefined) return true;
  return entry.nth > 0
    ? Math.ceil(date.day / 7) === entry.nth
    : Math.ceil((date.daysInMonth - date.day + 1) / 7) === -entry.nth;
};

/** `byweekday` and `bymonthday` filter the days of a period; a month without day 31 has no day 31. */
function matchesDay(rule: ResolvedRrule, day: number): boolean {
  const date = civilDate(day);
  const { bymonthday, byweekday } = rule;
  if (bymonthday && !bymonthday.some((d) => d === date.day || date.daysInMonth + d + 1 === date.day)) return false;
  return !byweekday || byweekday.some((entry) => matchesWeekday(entry, day, date));
}

/** `day` if its period is one the interval selects, else the first day of the next selected period. */
function alignToInterval(rule: NormalizedRrule, startPeriod: number, day: number): number {
  const period = PERIODS[rule.freq];
  const current = period.number(day);
  const behind = mod(current - startPeriod, rule.interval);
  return behind === 0 ? day : period.firstDay(current + rule.interval - behind);
}

/**
 * The first of a day's wall times (sorted) whose instant is at least `earliest`, found by halving:
 * instants grow with wall times (a gap maps to its end, an overlap to its start), and a rule with
 * every minute of the day would otherwise cost 1,440 zone look-ups per day.
 */
function firstTimeOfDay(day: number, minutesOfDay: number[], earliest: number, timeZone: string): number | undefined {
  const toInstant = dayToInstants(day, timeZone);
  const instantAt = (index: number) => toInstant(minutesOfDay[index]);
  // Most days searched are wholly before `earliest` (the day before) or wholly after it.
  if (instantAt(minutesOfDay.length - 1) < earliest) return undefined;
  let low = 0;
  let high = minutesOfDay.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (instantAt(middle) >= earliest) high = middle;
    else low = middle + 1;
  }
  return instantAt(low);
}

/** The first occurrence strictly after `after` and not before the rule's start. */
export function nextRruleRun(rule: NormalizedRrule, after: number, anchor: number | undefined): number {
  const start = ruleStart(rule, anchor);
  const resolved = withStartDefaults(rule, start);
  const minutesOfDay = resolved.byhour.flatMap((hour) => resolved.byminute.map((minute) => hour * 60 + minute));
  const earliest = Math.max(after + 1, start);
  const startDay = dayOfWall(toWall(start, rule.tzid));
  const startPeriod = PERIODS[rule.freq].number(startDay);
  // From the day before: a skipped wall time late on that day can land after midnight.
  let day = Math.max(startDay, dayOfWall(toWall(after, rule.tzid)) - 1);
  const lastDay = day + HORIZON_YEARS * 366 + rule.interval * PERIODS[rule.freq].days;
  while (day <= lastDay) {
    const aligned = alignToInterval(rule, startPeriod, day);
    if (aligned !== day) {
      day = aligned;
      continue;
    }
    const found = matchesDay(resolved, day) ? firstTimeOfDay(day, minutesOfDay, earliest, rule.tzid) : undefined;
    if (found !== undefined) return found;
    day += 1;
  }
  throw new ScheduleError(
    `rrule has no occurrence in the ${HORIZON_YEARS} years after ${new Date(after).toISOString()}; check interval, byweekday and bymonthday`
  );
}
