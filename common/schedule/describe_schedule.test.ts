import { describeSchedule } from './describe_schedule';
import { EVERY_OTHER_MONDAY_WEDNESDAY, schedule } from './schedule.mocks';

describe.each<[spec: Record<string, unknown>, expected: string]>([
  [{ every: '5m' }, 'every 5 minutes'],
  [{ every: '1m' }, 'every minute'],
  [{ every: '30s' }, 'every minute'],
  [{ every: '90m' }, 'every 90 minutes'],
  [{ every: '2h' }, 'every 2 hours'],
  [{ every: '24h' }, 'every day'],
  [{ every: '1w' }, 'every week'],
  [
    { rrule: { freq: 'DAILY', tzid: 'Europe/Paris', byhour: [9, 17], byminute: [0] } },
    'daily at 09:00 and 17:00 (Europe/Paris)',
  ],
  [{ rrule: { freq: 'DAILY', byhour: [6, 12, 18], byminute: [5] } }, 'daily at 06:05, 12:05 and 18:05 (UTC)'],
  [
    { rrule: { freq: 'DAILY', byhour: [0, 1, 2, 3, 4, 5, 6, 7], byminute: [0, 30] } },
    'daily at 16 times from 00:00 to 07:30 (UTC)',
  ],
  [
    { rrule: { freq: 'DAILY', byweekday: ['MO', 'FR'], byhour: [9], byminute: [0] } },
    'daily on Mon, Fri at 09:00 (UTC)',
  ],
  [
    { rrule: { freq: 'WEEKLY', byweekday: ['WE', 'MO'], byhour: [8], byminute: [0] } },
    'weekly on Mon, Wed at 08:00 (UTC)',
  ],
  [EVERY_OTHER_MONDAY_WEDNESDAY, 'every 2 weeks on Mon, Wed at 08:00 (UTC), starting 2025-01-06'],
  [
    { rrule: { freq: 'MONTHLY', bymonthday: [15, 1], byhour: [6], byminute: [0] } },
    'monthly on day 1, 15 at 06:00 (UTC)',
  ],
  [
    { rrule: { freq: 'MONTHLY', bymonthday: [-1, 1, 15], byhour: [6], byminute: [0] } },
    'monthly on day 1, 15 and the last day at 06:00 (UTC)',
  ],
  [
    { rrule: { freq: 'MONTHLY', bymonthday: [-2], byhour: [6], byminute: [0] } },
    'monthly on the 2nd last day at 06:00 (UTC)',
  ],
  [
    {
      rrule: {
        freq: 'MONTHLY',
        interval: 3,
        tzid: 'America/New_York',
        byweekday: ['2TU', '-1FR'],
        byhour: [10],
        byminute: [0],
      },
    },
    'every 3 months on the 2nd Tue, the last Fri at 10:00 (America/New_York)',
  ],
  [
    { rrule: { freq: 'MONTHLY', bymonthday: [13], byweekday: ['FR'], byhour: [0], byminute: [0] } },
    'monthly on day 13 if it falls on Fri at 00:00 (UTC)',
  ],
  [{ rrule: { freq: 'DAILY' } }, 'daily at the time of day it was enabled (UTC)'],
  [
    { rrule: { freq: 'WEEKLY', byhour: [9] } },
    'weekly on the weekday it was enabled at hour 9, on the minute it was enabled (UTC)',
  ],
  [
    { rrule: { freq: 'MONTHLY', byminute: [0] } },
    'monthly on the day of the month it was enabled at minute 0 of the hour it was enabled (UTC)',
  ],
])('describeSchedule(%j)', (spec, expected) => {
  it(`reads "${expected}"`, () => {
    expect(describeSchedule(schedule(spec))).toBe(expected);
  });
});
