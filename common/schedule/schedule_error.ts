import { UserError } from '../errors';

/**
 * A `scheduled` trigger that cannot be turned into run times (bad `every`, bad `rrule` field, a
 * rule that never occurs). The author's error: HTTP 400, never retried.
 */
export class ScheduleError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}
