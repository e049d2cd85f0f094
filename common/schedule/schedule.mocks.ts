import { scheduleFromTrigger } from './schedule_from_trigger';
import type { Schedule } from './types';

/** The schedule of a trigger's `with`, as written in YAML. */
export const schedule = (spec: Record<string, unknown>): Schedule =>
  scheduleFromTrigger({ type: 'scheduled', with: spec });

export const PARIS_THREE_TIMES = { rrule: { freq: 'DAILY', tzid: 'Europe/Paris', byhour: [2, 9, 17], byminute: [30] } };
export const NEW_YORK_NIGHT = { rrule: { freq: 'DAILY', tzid: 'America/New_York', byhour: [1, 2], byminute: [30] } };
export const NEW_YORK_WORKDAYS = {
  rrule: {
    freq: 'DAILY',
    tzid: 'America/New_York',
    byweekday: ['MO', 'TU', 'WE', 'TH', 'FR'],
    byhour: [9],
    byminute: [0],
  },
};
export const EVERY_OTHER_MONDAY_WEDNESDAY = {
  rrule: {
    freq: 'WEEKLY',
    interval: 2,
    byweekday: ['MO', 'WE'],
    byhour: [8],
    byminute: [0],
    dtstart: '2025-01-06T08:00:00Z',
  },
};
export const MONTHLY_ON_31 = { rrule: { freq: 'MONTHLY', bymonthday: [31], byhour: [6], byminute: [0] } };
export const MONTHLY_ON_LAST_DAY = { rrule: { freq: 'MONTHLY', bymonthday: [-1], byhour: [6], byminute: [0] } };
export const DAILY_AT_NINE = { rrule: { freq: 'DAILY', byhour: [9], byminute: [0] } };
