import type { NormalizedRrule, Schedule, WeekdayRule } from './types';
import { dayOfWall, civilDate, toWall } from './zoned_time';

const WEEKDAY_NAMES = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
/** Largest first: `every: 24h` reads "every day", `every: 90m` "every 90 minutes". */
const UNITS: Array<[name: string, ms: number]> = [
  ['week', 604_800_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];
const PERIOD_NAMES = { DAILY: ['daily', 'days'], WEEKLY: ['weekly', 'weeks'], MONTHLY: ['monthly', 'months'] };
/** Beyond this many times a day, a list is harder to read than a range. */
const MAX_LISTED_TIMES = 6;

const pad = (n: number): string => String(n).padStart(2, '0');

const ordinal = (n: number): string => {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** "a", "a and b", "a, b and c". */
const joinWords = (words: string[]): string =>
  words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;

const fromEnd = (n: number, what: string): string => (n === 1 ? `last ${what}` : `${ordinal(n)} last ${what}`);

const weekdayText = ({ weekday, nth }: WeekdayRule): string => {
  const name = WEEKDAY_NAMES[weekday];
  if (nth === undefined) return name;
  return `the ${nth > 0 ? `${ordinal(nth)} ${name}` : fromEnd(-nth, name)}`;
};

/** `day 1, 15 and the last day`: days counted from the month end read as words. */
const monthdaysText = (days: number[]): string => {
  const counted = days.filter((day) => day > 0);
  const fromMonthEnd = days.filter((day) => day < 0).map((day) => `the ${fromEnd(-day, 'day')}`);
  return joinWords([...(counted.length > 0 ? [`day ${counted.join(', ')}`] : []), ...fromMonthEnd]);
};

function everyText(everyMs: number): string {
  const [unit, ms] = UNITS.find(([, unitMs]) => everyMs % unitMs === 0) ?? ['millisecond', 1];
  const count = everyMs / ms;
  return count === 1 ? `every ${unit}` : `every ${count} ${unit}s`;
}

function daysText(rule: NormalizedRrule): string {
  const weekdays = rule.byweekday?.map(weekdayText).join(', ');
  const monthdays = rule.bymonthday && monthdaysText(rule.bymonthday);
  if (monthdays && weekdays) return ` on ${monthdays} if it falls on ${weekdays}`;
  if (monthdays || weekdays) return ` on ${monthdays ?? weekdays}`;
  // Only a rule without dtstart lacks these; its anchor supplies them.
  if (rule.freq === 'WEEKLY') return ' on the weekday it was enabled';
  if (rule.freq === 'MONTHLY') return ' on the day of the month it was enabled';
  return '';
}

function timesText(rule: NormalizedRrule): string {
  if (!rule.byhour && !rule.byminute) return 'at the time of day it was enabled';
  if (!rule.byminute) return `at hour ${rule.byhour!.join(', ')}, on the minute it was enabled`;
  if (!rule.byhour) return `at minute ${rule.byminute.join(', ')} of the hour it was enabled`;
  const times = rule.byhour.flatMap((hour) => rule.byminute!.map((minute) => `${pad(hour)}:${pad(minute)}`));
  if (times.length > MAX_LISTED_TIMES) return `at ${times.length} times from ${times[0]} to ${times[times.length - 1]}`;
  return `at ${joinWords(times)}`;
}

/**
 * The schedule in words for the UI, always with its zone so nobody reads 06:00 UTC as local time:
 * `every 5 minutes`, `daily at 09:00 and 17:30 (Europe/Paris)`, `every 2 weeks on Mon, Wed at 08:00
 * (UTC), starting 2025-01-06`, `monthly on day 1, 15 and the last day at 06:00 (UTC)`.
 */
export function describeSchedule(schedule: Schedule): string {
  if (schedule.kind === 'every') return everyText(schedule.everyMs);
  const { rule } = schedule;
  const [single, plural] = PERIOD_NAMES[rule.freq];
  const period = rule.interval === 1 ? single : `every ${rule.interval} ${plural}`;
  let text = `${period}${daysText(rule)} ${timesText(rule)} (${rule.tzid})`;
  if (rule.dtstart !== undefined) {
    const { year, month, day } = civilDate(dayOfWall(toWall(Date.parse(rule.dtstart), rule.tzid)));
    text += `, starting ${year}-${pad(month)}-${pad(day)}`;
  }
  return text;
}
