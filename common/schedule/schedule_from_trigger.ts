import { parseDurationMs } from '../spec/durations';
import { WEEKDAYS } from '../spec/triggers/scheduled';
import { withStartDefaults } from './rrule';
import { ScheduleError } from './schedule_error';
import type { NormalizedRrule, RruleFrequency, Schedule, WeekdayRule } from './types';
import { canonicalTimeZone, wallToInstant } from './zoned_time';

/**
 * The shortest interval between runs. Elastic migrates faster `every` schedules to one minute, and
 * so does this host (the spec validation warns the author), rather than rejecting the workflow.
 */
export const MIN_INTERVAL_MS = 60_000;

const FREQUENCIES: readonly RruleFrequency[] = ['DAILY', 'WEEKLY', 'MONTHLY'];
const RRULE_KEYS = ['freq', 'interval', 'tzid', 'dtstart', 'byhour', 'byminute', 'byweekday', 'bymonthday'];
const WEEKDAY_PATTERN = new RegExp(`^([+-]?[1-5])?(${WEEKDAYS.join('|')})$`);
/** ISO 8601 extended format; the offset is optional (then the time is a wall time in `tzid`). */
const DTSTART_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

type RawMap = Record<string, unknown>;

const isMap = (value: unknown): value is RawMap => typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/** A trigger `{ type: scheduled, with: { every } | { rrule } }` as a schedule, or a ScheduleError naming the field. */
export function scheduleFromTrigger(trigger: unknown): Schedule {
  if (!isMap(trigger) || trigger.type !== 'scheduled') {
    throw new ScheduleError(`trigger must be a mapping with type: scheduled, got ${show(trigger)}`);
  }
  const spec = trigger.with;
  if (!isMap(spec) || 'every' in spec === 'rrule' in spec) {
    throw new ScheduleError('with must hold either every (e.g. 15m) or rrule, and not both');
  }
  if ('rrule' in spec) return { kind: 'rrule', rule: normalizeRrule(spec.rrule) };
  const everyMs = typeof spec.every === 'string' ? parseDurationMs(spec.every) : undefined;
  if (everyMs === undefined) {
    throw new ScheduleError(`every must be a duration such as 30s, 5m, 1h or 1d, got ${show(spec.every)}`);
  }
  return { kind: 'every', everyMs: Math.max(everyMs, MIN_INTERVAL_MS) };
}

function normalizeRrule(raw: unknown): NormalizedRrule {
  if (!isMap(raw)) throw new ScheduleError(`rrule must be a mapping with at least freq, got ${show(raw)}`);
  const unknownKey = Object.keys(raw).find((key) => !RRULE_KEYS.includes(key));
  if (unknownKey !== undefined) {
    throw new ScheduleError(`rrule.${unknownKey} is not supported; use ${RRULE_KEYS.join(', ')}`);
  }
  const freq = FREQUENCIES.find((candidate) => candidate === raw.freq);
  if (!freq) throw new ScheduleError(`rrule.freq must be DAILY, WEEKLY or MONTHLY, got ${show(raw.freq)}`);
  const interval = raw.interval ?? 1;
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 1) {
    throw new ScheduleError(`rrule.interval must be a whole number of at least 1, got ${show(raw.interval)}`);
  }
  const tzid = typeof raw.tzid === 'string' ? canonicalTimeZone(raw.tzid) : raw.tzid === undefined ? 'UTC' : undefined;
  if (!tzid)
    throw new ScheduleError(`rrule.tzid must be an IANA time zone such as Europe/Paris, got ${show(raw.tzid)}`);

  const rule: NormalizedRrule = { freq, interval, tzid };
  const byhour = numbers(raw, 'byhour', (n) => n >= 0 && n <= 23, 'numbers 0-23');
  const byminute = numbers(raw, 'byminute', (n) => n >= 0 && n <= 59, 'numbers 0-59');
  const bymonthday = numbers(
    raw,
    'bymonthday',
    (n) => n !== 0 && n >= -31 && n <= 31,
    'numbers 1-31, or -1 to -31 counting from the end of the month'
  );
  const byweekday = weekdays(raw.byweekday, freq);
  // Calendar order: counted-from-the-end days come after the others (…, 15, 2nd last, last).
  bymonthday?.sort((a, b) => (a > 0 ? a : 64 + a) - (b > 0 ? b : 64 + b));
  if (byhour) rule.byhour = byhour;
  if (byminute) rule.byminute = byminute;
  if (byweekday) rule.byweekday = byweekday;
  if (bymonthday) rule.bymonthday = bymonthday;
  if (raw.dtstart === undefined) return rule;
  const start = parseDtstart(raw.dtstart, tzid);
  return withStartDefaults({ ...rule, dtstart: new Date(start).toISOString() }, start);
}

/** A non-empty list of whole numbers, sorted and without duplicates. */
function numbers(raw: RawMap, key: string, accepts: (n: number) => boolean, expected: string): number[] | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((n) => typeof n === 'number' && Number.isInteger(n) && accepts(n));
  if (!valid) throw new ScheduleError(`rrule.${key} must be ${expected}, got ${show(value)}`);
  return [...new Set(value as number[])].sort((a, b) => a - b);
}

function weekdays(value: unknown, freq: RruleFrequency): WeekdayRule[] | undefined {
  if (value === undefined) return undefined;
  const matches = Array.isArray(value) && value.length > 0 ? value.map((v) => WEEKDAY_PATTERN.exec(String(v))) : [null];
  if (matches.some((match) => match === null)) {
    throw new ScheduleError(
      `rrule.byweekday must be days among ${WEEKDAYS.join(', ')} (MONTHLY rules also take 1MO to 5MO and -1MO to -5MO), got ${show(value)}`
    );
  }
  const entries = (matches as RegExpExecArray[]).map(([, nth, weekday]): WeekdayRule =>
    nth === undefined
      ? { weekday: weekday as WeekdayRule['weekday'] }
      : { weekday: weekday as WeekdayRule['weekday'], nth: Number(nth) }
  );
  if (freq !== 'MONTHLY' && entries.some((entry) => entry.nth !== undefined)) {
    throw new ScheduleError(
      `rrule.byweekday: a numbered weekday such as 2TU (second Tuesday of the month) only applies to MONTHLY rules, got ${show(value)}`
    );
  }
  const order = (entry: WeekdayRule) => WEEKDAYS.indexOf(entry.weekday) * 100 + (entry.nth ?? 0);
  const unique = new Map(entries.map((entry) => [`${entry.nth ?? ''}${entry.weekday}`, entry]));
  return [...unique.values()].sort((a, b) => order(a) - order(b));
}

/** `dtstart` as an instant. Without an offset it is a wall time in the rule's zone, as in RFC 5545. */
function parseDtstart(value: unknown, tzid: string): number {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  const match = typeof value === 'string' ? DTSTART_PATTERN.exec(value.trim()) : null;
  const [year, month, day, hour, minute, second] = (match?.slice(1, 7) ?? []).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2025-02-30 over into March: a round trip catches impossible dates.
  const date = new Date(wall);
  const exists =
    match !== null &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!exists) {
    throw new ScheduleError(`rrule.dtstart must be an ISO date-time such as 2025-01-06T09:00:00Z, got ${show(value)}`);
  }
  const offset = match[7];
  if (offset === undefined) return wallToInstant(wall, tzid);
  if (offset.toUpperCase() === 'Z') return wall;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(offset) as RegExpExecArray;
  return wall - (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}
