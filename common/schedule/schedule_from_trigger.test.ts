import path from 'path';
import fs from 'fs';
import { parse } from 'yaml';
import { listCorpusFiles } from '../spec/parse.mocks';
import { describeSchedule } from './describe_schedule';
import { nextRunAfter } from './next_run';
import { schedule } from './schedule.mocks';
import { MIN_INTERVAL_MS, scheduleFromTrigger } from './schedule_from_trigger';
import { ScheduleError } from './schedule_error';
import type { Schedule } from './types';

const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus/elastic-workflows');

describe.each<[label: string, spec: Record<string, unknown>, expected: Schedule]>([
  ['every 15m', { every: '15m' }, { kind: 'every', everyMs: 900_000 }],
  ['every 24h', { every: '24h' }, { kind: 'every', everyMs: 86_400_000 }],
  ['every 30s is raised to one minute', { every: '30s' }, { kind: 'every', everyMs: MIN_INTERVAL_MS }],
  ['every 0m is raised to one minute', { every: '0m' }, { kind: 'every', everyMs: MIN_INTERVAL_MS }],
  [
    'rrule defaults, sorted lists, canonical zone',
    { rrule: { freq: 'DAILY', tzid: 'europe/paris', byhour: [17, 9, 9], byminute: [30, 0] } },
    { kind: 'rrule', rule: { freq: 'DAILY', interval: 1, tzid: 'Europe/Paris', byhour: [9, 17], byminute: [0, 30] } },
  ],
  [
    'rrule without tzid is UTC',
    { rrule: { freq: 'MONTHLY', bymonthday: [-1, 15, 1, -2] } },
    { kind: 'rrule', rule: { freq: 'MONTHLY', interval: 1, tzid: 'UTC', bymonthday: [1, 15, -2, -1] } },
  ],
  [
    'numbered weekdays of a MONTHLY rule, in weekday order',
    { rrule: { freq: 'MONTHLY', byweekday: ['FR', '-1FR', '+2MO', 'FR'] } },
    {
      kind: 'rrule',
      rule: {
        freq: 'MONTHLY',
        interval: 1,
        tzid: 'UTC',
        byweekday: [{ weekday: 'MO', nth: 2 }, { weekday: 'FR', nth: -1 }, { weekday: 'FR' }],
      },
    },
  ],
  [
    'dtstart without offset is wall time in tzid and supplies the defaults',
    { rrule: { freq: 'WEEKLY', tzid: 'Europe/Paris', dtstart: '2025-01-06T09:00:00' } },
    {
      kind: 'rrule',
      rule: {
        freq: 'WEEKLY',
        interval: 1,
        tzid: 'Europe/Paris',
        dtstart: '2025-01-06T08:00:00.000Z',
        byhour: [9],
        byminute: [0],
        byweekday: [{ weekday: 'MO' }],
      },
    },
  ],
  [
    'dtstart with an offset',
    { rrule: { freq: 'MONTHLY', dtstart: '2025-01-31T09:15:00+01:00' } },
    {
      kind: 'rrule',
      rule: {
        freq: 'MONTHLY',
        interval: 1,
        tzid: 'UTC',
        dtstart: '2025-01-31T08:15:00.000Z',
        byhour: [8],
        byminute: [15],
        bymonthday: [31],
      },
    },
  ],
  [
    'dtstart as a date is midnight in tzid',
    { rrule: { freq: 'DAILY', tzid: 'Europe/Paris', dtstart: '2025-03-30', byhour: [6] } },
    {
      kind: 'rrule',
      rule: {
        freq: 'DAILY',
        interval: 1,
        tzid: 'Europe/Paris',
        dtstart: '2025-03-29T23:00:00.000Z',
        byhour: [6],
        byminute: [0],
      },
    },
  ],
])('scheduleFromTrigger: %s', (_label, spec, expected) => {
  it('normalizes', () => {
    expect(schedule(spec)).toEqual(expected);
  });
});

const RRULE = { freq: 'DAILY', byhour: [9], byminute: [0] };

describe.each<[label: string, trigger: unknown, message: string]>([
  [
    'not a scheduled trigger',
    { type: 'manual' },
    'trigger must be a mapping with type: scheduled, got {"type":"manual"}',
  ],
  ['no with', { type: 'scheduled' }, 'with must hold either every (e.g. 15m) or rrule, and not both'],
  [
    'every and rrule',
    { type: 'scheduled', with: { every: '5m', rrule: RRULE } },
    'with must hold either every (e.g. 15m) or rrule, and not both',
  ],
  [
    'every in words',
    { type: 'scheduled', with: { every: '15 minutes' } },
    'every must be a duration such as 30s, 5m, 1h or 1d, got "15 minutes"',
  ],
  [
    'every as a number',
    { type: 'scheduled', with: { every: 15 } },
    'every must be a duration such as 30s, 5m, 1h or 1d, got 15',
  ],
  [
    'rrule as text',
    { type: 'scheduled', with: { rrule: 'FREQ=DAILY' } },
    'rrule must be a mapping with at least freq, got "FREQ=DAILY"',
  ],
  [
    'unsupported rrule field',
    { type: 'scheduled', with: { rrule: { ...RRULE, bysecond: [0] } } },
    'rrule.bysecond is not supported; use freq, interval, tzid, dtstart, byhour, byminute, byweekday, bymonthday',
  ],
  [
    'YEARLY',
    { type: 'scheduled', with: { rrule: { ...RRULE, freq: 'YEARLY' } } },
    'rrule.freq must be DAILY, WEEKLY or MONTHLY, got "YEARLY"',
  ],
  [
    'no freq',
    { type: 'scheduled', with: { rrule: { byhour: [9] } } },
    'rrule.freq must be DAILY, WEEKLY or MONTHLY, got nothing',
  ],
  [
    'interval 0',
    { type: 'scheduled', with: { rrule: { ...RRULE, interval: 0 } } },
    'rrule.interval must be a whole number of at least 1, got 0',
  ],
  [
    'interval 1.5',
    { type: 'scheduled', with: { rrule: { ...RRULE, interval: 1.5 } } },
    'rrule.interval must be a whole number of at least 1, got 1.5',
  ],
  [
    'unknown zone',
    { type: 'scheduled', with: { rrule: { ...RRULE, tzid: 'Mars/Olympus' } } },
    'rrule.tzid must be an IANA time zone such as Europe/Paris, got "Mars/Olympus"',
  ],
  [
    'byhour 24',
    { type: 'scheduled', with: { rrule: { ...RRULE, byhour: [9, 24] } } },
    'rrule.byhour must be numbers 0-23, got [9,24]',
  ],
  [
    'byhour empty',
    { type: 'scheduled', with: { rrule: { ...RRULE, byhour: [] } } },
    'rrule.byhour must be numbers 0-23, got []',
  ],
  [
    'byhour not a list',
    { type: 'scheduled', with: { rrule: { ...RRULE, byhour: 9 } } },
    'rrule.byhour must be numbers 0-23, got 9',
  ],
  [
    'byminute 60',
    { type: 'scheduled', with: { rrule: { ...RRULE, byminute: [60] } } },
    'rrule.byminute must be numbers 0-59, got [60]',
  ],
  [
    'bymonthday 0',
    { type: 'scheduled', with: { rrule: { freq: 'MONTHLY', bymonthday: [0] } } },
    'rrule.bymonthday must be numbers 1-31, or -1 to -31 counting from the end of the month, got [0]',
  ],
  [
    'byweekday spelled out',
    { type: 'scheduled', with: { rrule: { freq: 'WEEKLY', byweekday: ['MON'] } } },
    'rrule.byweekday must be days among MO, TU, WE, TH, FR, SA, SU (MONTHLY rules also take 1MO to 5MO and -1MO to -5MO), got ["MON"]',
  ],
  [
    'numbered weekday in a WEEKLY rule',
    { type: 'scheduled', with: { rrule: { freq: 'WEEKLY', byweekday: ['2TU'] } } },
    'rrule.byweekday: a numbered weekday such as 2TU (second Tuesday of the month) only applies to MONTHLY rules, got ["2TU"]',
  ],
  [
    'dtstart in words',
    { type: 'scheduled', with: { rrule: { ...RRULE, dtstart: 'tomorrow' } } },
    'rrule.dtstart must be an ISO date-time such as 2025-01-06T09:00:00Z, got "tomorrow"',
  ],
  [
    'dtstart on a day that does not exist',
    { type: 'scheduled', with: { rrule: { ...RRULE, dtstart: '2025-02-30T09:00:00Z' } } },
    'rrule.dtstart must be an ISO date-time such as 2025-01-06T09:00:00Z, got "2025-02-30T09:00:00Z"',
  ],
])('scheduleFromTrigger rejects %s', (_label, trigger, message) => {
  it('with a ScheduleError naming the field', () => {
    expect(() => scheduleFromTrigger(trigger)).toThrow(new ScheduleError(message));
    expect(() => scheduleFromTrigger(trigger)).toThrow(ScheduleError);
  });
});

describe('scheduled triggers of the Elastic corpus', () => {
  const found = listCorpusFiles(CORPUS_DIR).flatMap((file) => {
    const workflow = parse(fs.readFileSync(file, 'utf8')) as { triggers?: Array<{ type?: string }> };
    return (workflow.triggers ?? [])
      .filter((trigger) => trigger.type === 'scheduled')
      .map((trigger): [string, unknown] => [path.relative(CORPUS_DIR, file), trigger]);
  });

  it('all yield a schedule, described as expected', () => {
    expect(found.map(([file, trigger]) => [file, describeSchedule(scheduleFromTrigger(trigger))])).toEqual([
      ['examples/security/compliance/pci-daily-assessment.yaml', 'daily at 06:00 (UTC)'],
      ['examples/security/compliance/pci-violation-case-creator.yaml', 'weekly on Mon at 07:00 (UTC)'],
      ['examples/security/detection/browser-extension-daily-reputation.yaml', 'every day'],
      ['examples/security/detection/disable-noisy-endpoint-rules-from-esql.yaml', 'every 15 minutes'],
      ['examples/security/detection/sync-rule-exceptions-across-spaces.yaml', 'every 15 minutes'],
      ['library/workflows/browser-extension-daily-reputation/browser-extension-daily-reputation.yaml', 'every day'],
      [
        'library/workflows/sync-rule-exceptions-across-spaces/sync-rule-exceptions-across-spaces.yaml',
        'every 15 minutes',
      ],
    ]);
  });

  it.each(found)('%s runs next after 2025-06-01', (_file, trigger) => {
    const after = new Date('2025-06-01T00:00:00Z');
    const next = nextRunAfter(scheduleFromTrigger(trigger), after, { anchor: after });
    expect(next.getTime()).toBeGreaterThan(after.getTime());
    expect(next.getTime() - after.getTime()).toBeLessThanOrEqual(7 * 86_400_000);
  });
});
