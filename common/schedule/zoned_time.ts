/**
 * Calendar arithmetic for schedules. Instants are epoch milliseconds; a *wall* value is the
 * wall-clock reading of a zone written as if it were UTC (09:00 in Paris → `Date.UTC(…, 9, 0)`), so
 * calendar maths on walls is plain integer maths and only the offset needs the zone database (Intl).
 * Days are counted from 1970-01-01 (a Thursday).
 */
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export const mod = (a: number, b: number): number => ((a % b) + b) % b;

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The zone's canonical name (`europe/paris` → `Europe/Paris`), or undefined when Intl does not know it. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** UTC offset of the zone at an instant, in milliseconds (Paris in summer → 7_200_000). */
function offsetAt(instant: number, timeZone: string): number {
  // The most common zone of all needs no look-up.
  if (timeZone === 'UTC') return 0;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = Number(part.value);
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  return wall - (instant - mod(instant, 1000));
}

export const toWall = (instant: number, timeZone: string): number => instant + offsetAt(instant, timeZone);

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a spring-forward change runs
 * at the first instant after the gap (the change itself, like cron); a time repeated by a
 * fall-back change runs at its first occurrence, so it runs once.
 */
export function wallToInstant(wall: number, timeZone: string): number {
  // Offsets a day either side bracket any change that can affect this wall time.
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((instant) => toWall(instant, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: the change lies in (wall - offsetAfter, wall - offsetBefore]; changes fall on whole
  // minutes, so a binary search over minutes finds it in a handful of steps.
  let low = Math.floor((wall - offsetAfter) / MINUTE_MS);
  let high = Math.floor((wall - offsetBefore) / MINUTE_MS);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle * MINUTE_MS, timeZone) === offsetAfter) high = middle;
    else low = middle;
  }
  return high * MINUTE_MS;
}

/**
 * Converts wall times of one day to instants. Most days of most zones have a single offset: then
 * two look-ups serve every time of the day, instead of several per time.
 */
export function dayToInstants(dayNumber: number, timeZone: string): (minuteOfDay: number) => number {
  const midnight = dayNumber * DAY_MS;
  const offset = offsetAt(midnight - DAY_MS, timeZone);
  const steady = offset === offsetAt(midnight + 2 * DAY_MS, timeZone);
  return (minuteOfDay) => {
    const wall = midnight + minuteOfDay * MINUTE_MS;
    return steady ? wall - offset : wallToInstant(wall, timeZone);
  };
}

export interface CivilDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
  daysInMonth: number;
}

export const dayOfWall = (wall: number): number => Math.floor(wall / DAY_MS);

export function civilDate(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return { year, month, day: date.getUTCDate(), daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate() };
}

/** Monday = 0 … Sunday = 6, the order of `WEEKDAYS`. */
export const weekdayIndex = (dayNumber: number): number => mod(dayNumber + 3, 7);

/** Weeks start on Monday (RFC 5545's default WKST); week 0 starts on 1969-12-29. */
export const weekNumber = (dayNumber: number): number => Math.floor((dayNumber + 3) / 7);
export const firstDayOfWeek = (week: number): number => week * 7 - 3;

export const monthNumber = (dayNumber: number): number => {
  const { year, month } = civilDate(dayNumber);
  return year * 12 + month - 1;
};
export const firstDayOfMonth = (month: number): number => Date.UTC(Math.floor(month / 12), mod(month, 12), 1) / DAY_MS;
