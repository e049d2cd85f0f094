export { describeSchedule } from './describe_schedule';
export { missedRun, nextRunAfter } from './next_run';
export { MIN_INTERVAL_MS, scheduleFromTrigger } from './schedule_from_trigger';
export { ScheduleError } from './schedule_error';
export type {
  MissedRun,
  NormalizedRrule,
  RruleFrequency,
  Schedule,
  ScheduleOptions,
  Weekday,
  WeekdayRule,
} from './types';
