import { missedRun, nextRunAfter } from './next_run';
import { ScheduleError } from './schedule_error';
import {
  DAILY_AT_NINE,
  EVERY_OTHER_MONDAY_WEDNESDAY,
  MONTHLY_ON_31,
  MONTHLY_ON_LAST_DAY,
  NEW_YORK_NIGHT,
  NEW_YORK_WORKDAYS,
  PARIS_THREE_TIMES,
  schedule,
} from './schedule.mocks';

const at = (iso: string): Date => new Date(iso);
const EVERY_5M = { every: '5m' };
const ANCHOR = '2025-01-01T10:02:30Z';

describe.each<
  [label: string, spec: Record<string, unknown>, after: string, anchor: string | undefined, expected: string]
>([
  ['every 5m between slots', EVERY_5M, '2025-01-01T10:14:00Z', ANCHOR, '2025-01-01T10:17:30.000Z'],
  ['every 5m exactly on a slot', EVERY_5M, '2025-01-01T10:07:30Z', ANCHOR, '2025-01-01T10:12:30.000Z'],
  ['every 5m before its anchor', EVERY_5M, '2025-01-01T09:59:00Z', ANCHOR, '2025-01-01T10:02:30.000Z'],
  ['every 5m without anchor (epoch-aligned)', EVERY_5M, '2025-01-01T10:14:00Z', undefined, '2025-01-01T10:15:00.000Z'],
  [
    'every 30s raised to 1m',
    { every: '30s' },
    '2025-01-01T10:00:10Z',
    '2025-01-01T10:00:00Z',
    '2025-01-01T10:01:00.000Z',
  ],
  [
    'every 1d is 24 hours across DST',
    { every: '1d' },
    '2025-03-29T09:00:00Z',
    '2025-03-29T08:00:00Z',
    '2025-03-30T08:00:00.000Z',
  ],

  ['Paris, winter', PARIS_THREE_TIMES, '2025-03-29T08:00:00Z', undefined, '2025-03-29T08:30:00.000Z'],
  [
    'Paris, 02:30 skipped in March runs at 03:00 CEST',
    PARIS_THREE_TIMES,
    '2025-03-29T20:00:00Z',
    undefined,
    '2025-03-30T01:00:00.000Z',
  ],
  ['Paris, after the March change', PARIS_THREE_TIMES, '2025-03-30T01:00:00Z', undefined, '2025-03-30T07:30:00.000Z'],
  ['Paris, summer evening', PARIS_THREE_TIMES, '2025-03-30T07:30:00Z', undefined, '2025-03-30T15:30:00.000Z'],
  [
    'Paris, 02:30 repeated in October runs at its first (CEST)',
    PARIS_THREE_TIMES,
    '2025-10-25T20:00:00Z',
    undefined,
    '2025-10-26T00:30:00.000Z',
  ],
  [
    'Paris, the repeated 02:30 does not run twice',
    PARIS_THREE_TIMES,
    '2025-10-26T00:30:00Z',
    undefined,
    '2025-10-26T08:30:00.000Z',
  ],
  ['Paris, inside the repeated hour', PARIS_THREE_TIMES, '2025-10-26T00:45:00Z', undefined, '2025-10-26T08:30:00.000Z'],
  ['Paris, winter again', PARIS_THREE_TIMES, '2025-10-26T16:30:00Z', undefined, '2025-10-27T01:30:00.000Z'],

  [
    'New York, 01:30 EST before the March change',
    NEW_YORK_NIGHT,
    '2025-03-09T00:00:00Z',
    undefined,
    '2025-03-09T06:30:00.000Z',
  ],
  [
    'New York, 02:30 skipped runs at 03:00 EDT',
    NEW_YORK_NIGHT,
    '2025-03-09T06:30:00Z',
    undefined,
    '2025-03-09T07:00:00.000Z',
  ],
  ['New York, next day in EDT', NEW_YORK_NIGHT, '2025-03-09T07:00:00Z', undefined, '2025-03-10T05:30:00.000Z'],
  [
    'New York, repeated 01:30 runs at EDT',
    NEW_YORK_NIGHT,
    '2025-11-01T12:00:00Z',
    undefined,
    '2025-11-02T05:30:00.000Z',
  ],
  [
    'New York, then 02:30 EST, not the second 01:30',
    NEW_YORK_NIGHT,
    '2025-11-02T05:30:00Z',
    undefined,
    '2025-11-02T07:30:00.000Z',
  ],
  ['New York, next day in EST', NEW_YORK_NIGHT, '2025-11-02T07:30:00Z', undefined, '2025-11-03T06:30:00.000Z'],
  [
    'New York workdays, Friday to Monday (EST)',
    NEW_YORK_WORKDAYS,
    '2025-01-03T15:00:00Z',
    undefined,
    '2025-01-06T14:00:00.000Z',
  ],
  [
    'New York workdays, Friday to Monday (EDT)',
    NEW_YORK_WORKDAYS,
    '2025-07-04T13:00:00Z',
    undefined,
    '2025-07-07T13:00:00.000Z',
  ],

  [
    'every other week, before dtstart',
    EVERY_OTHER_MONDAY_WEDNESDAY,
    '2024-12-01T00:00:00Z',
    undefined,
    '2025-01-06T08:00:00.000Z',
  ],
  [
    'every other week, Monday to Wednesday',
    EVERY_OTHER_MONDAY_WEDNESDAY,
    '2025-01-06T08:00:00Z',
    undefined,
    '2025-01-08T08:00:00.000Z',
  ],
  [
    'every other week, skips a week',
    EVERY_OTHER_MONDAY_WEDNESDAY,
    '2025-01-08T08:00:00Z',
    undefined,
    '2025-01-20T08:00:00.000Z',
  ],
  [
    'every other week, from the off week',
    EVERY_OTHER_MONDAY_WEDNESDAY,
    '2025-01-14T00:00:00Z',
    undefined,
    '2025-01-20T08:00:00.000Z',
  ],
  [
    'every other week, into February',
    EVERY_OTHER_MONDAY_WEDNESDAY,
    '2025-01-22T08:00:00Z',
    undefined,
    '2025-02-03T08:00:00.000Z',
  ],
  [
    'every other week, dtstart on a Wednesday skips that Monday',
    { rrule: { ...EVERY_OTHER_MONDAY_WEDNESDAY.rrule, dtstart: '2025-01-08T08:00:00Z' } },
    '2025-01-01T00:00:00Z',
    undefined,
    '2025-01-08T08:00:00.000Z',
  ],
  [
    'weekly, weekday and time from a wall-clock dtstart (CET)',
    { rrule: { freq: 'WEEKLY', tzid: 'Europe/Paris', dtstart: '2025-01-08T08:00:00' } },
    '2025-01-08T07:00:00Z',
    undefined,
    '2025-01-15T07:00:00.000Z',
  ],
  [
    'weekly, weekday and time from a wall-clock dtstart (CEST)',
    { rrule: { freq: 'WEEKLY', tzid: 'Europe/Paris', dtstart: '2025-01-08T08:00:00' } },
    '2025-07-01T00:00:00Z',
    undefined,
    '2025-07-02T06:00:00.000Z',
  ],
  [
    'every 3 days from dtstart',
    { rrule: { freq: 'DAILY', interval: 3, dtstart: '2025-01-01T09:00:00Z' } },
    '2025-01-02T00:00:00Z',
    undefined,
    '2025-01-04T09:00:00.000Z',
  ],
  [
    'daily, time of day from the anchor',
    { rrule: { freq: 'DAILY' } },
    '2025-01-01T10:23:41Z',
    '2025-01-01T10:23:41Z',
    '2025-01-02T10:23:00.000Z',
  ],

  ['monthly on 31, skips February', MONTHLY_ON_31, '2025-01-31T06:00:00Z', undefined, '2025-03-31T06:00:00.000Z'],
  ['monthly on 31, skips April', MONTHLY_ON_31, '2025-04-01T00:00:00Z', undefined, '2025-05-31T06:00:00.000Z'],
  ['monthly on 31, July to August', MONTHLY_ON_31, '2025-07-31T06:00:00Z', undefined, '2025-08-31T06:00:00.000Z'],
  [
    'monthly on the last day, February',
    MONTHLY_ON_LAST_DAY,
    '2025-01-31T06:00:00Z',
    undefined,
    '2025-02-28T06:00:00.000Z',
  ],
  [
    'monthly on the last day, leap February',
    MONTHLY_ON_LAST_DAY,
    '2024-02-01T00:00:00Z',
    undefined,
    '2024-02-29T06:00:00.000Z',
  ],
  [
    'monthly on the last day, April',
    MONTHLY_ON_LAST_DAY,
    '2025-04-15T00:00:00Z',
    undefined,
    '2025-04-30T06:00:00.000Z',
  ],
  [
    'every 3 months on the day of dtstart',
    { rrule: { freq: 'MONTHLY', interval: 3, dtstart: '2025-01-15T06:00:00Z' } },
    '2025-01-15T06:00:00Z',
    undefined,
    '2025-04-15T06:00:00.000Z',
  ],
  [
    'monthly on the 2nd Tuesday in New York',
    { rrule: { freq: 'MONTHLY', tzid: 'America/New_York', byweekday: ['2TU'], byhour: [10], byminute: [0] } },
    '2025-01-14T15:00:00Z',
    undefined,
    '2025-02-11T15:00:00.000Z',
  ],
  [
    'monthly on the last Friday',
    { rrule: { freq: 'MONTHLY', byweekday: ['-1FR'], byhour: [17], byminute: [0] } },
    '2025-01-01T00:00:00Z',
    undefined,
    '2025-01-31T17:00:00.000Z',
  ],
])('nextRunAfter: %s', (_label, spec, after, anchor, expected) => {
  it(`after ${after} → ${expected}`, () => {
    const options = anchor === undefined ? {} : { anchor: at(anchor) };
    expect(nextRunAfter(schedule(spec), at(after), options).toISOString()).toBe(expected);
  });
});

describe('nextRunAfter on a rule that never occurs', () => {
  it('throws a ScheduleError instead of searching forever', () => {
    const never = schedule({
      rrule: { freq: 'MONTHLY', interval: 12, bymonthday: [30], dtstart: '2025-02-01T00:00:00Z' },
    });
    const run = () => nextRunAfter(never, at('2025-02-01T00:00:00Z'));
    expect(run).toThrow(ScheduleError);
    expect(run).toThrow(
      'rrule has no occurrence in the 5 years after 2025-02-01T00:00:00.000Z; check interval, byweekday and bymonthday'
    );
  });
});

describe.each<
  [
    label: string,
    spec: Record<string, unknown>,
    lastRunAt: string | undefined,
    now: string,
    anchor: string | undefined,
    runNow: boolean,
    nextRunAt: string,
  ]
>([
  [
    'three days down: one run now',
    DAILY_AT_NINE,
    '2025-01-01T09:00:02Z',
    '2025-01-04T12:00:00Z',
    undefined,
    true,
    '2025-01-05T09:00:00.000Z',
  ],
  [
    'no downtime',
    DAILY_AT_NINE,
    '2025-01-04T09:00:02Z',
    '2025-01-04T12:00:00Z',
    undefined,
    false,
    '2025-01-05T09:00:00.000Z',
  ],
  [
    'woken exactly at the slot',
    DAILY_AT_NINE,
    '2025-01-04T09:00:02Z',
    '2025-01-05T09:00:00Z',
    undefined,
    true,
    '2025-01-06T09:00:00.000Z',
  ],
  [
    'never ran, a slot passed since enabled',
    DAILY_AT_NINE,
    undefined,
    '2025-01-04T12:00:00Z',
    '2025-01-04T08:00:00Z',
    true,
    '2025-01-05T09:00:00.000Z',
  ],
  [
    'never ran, no slot since enabled',
    DAILY_AT_NINE,
    undefined,
    '2025-01-04T12:00:00Z',
    '2025-01-04T10:00:00Z',
    false,
    '2025-01-05T09:00:00.000Z',
  ],
  [
    'never ran, no anchor',
    DAILY_AT_NINE,
    undefined,
    '2025-01-04T12:00:00Z',
    undefined,
    false,
    '2025-01-05T09:00:00.000Z',
  ],
  [
    'every 5m, two days down',
    EVERY_5M,
    '2025-01-01T00:05:01Z',
    '2025-01-03T07:31:00Z',
    '2025-01-01T00:00:00Z',
    true,
    '2025-01-03T07:35:00.000Z',
  ],
  [
    'every 5m, no downtime',
    EVERY_5M,
    '2025-01-01T00:05:01Z',
    '2025-01-01T00:09:59Z',
    '2025-01-01T00:00:00Z',
    false,
    '2025-01-01T00:10:00.000Z',
  ],
])('missedRun: %s', (_label, spec, lastRunAt, now, anchor, runNow, nextRunAt) => {
  it(`runNow ${runNow}, next ${nextRunAt}`, () => {
    const options = anchor === undefined ? {} : { anchor: at(anchor) };
    const result = missedRun(schedule(spec), lastRunAt === undefined ? undefined : at(lastRunAt), at(now), options);
    expect({ runNow: result.runNow, nextRunAt: result.nextRunAt.toISOString() }).toEqual({ runNow, nextRunAt });
  });
});
