import moment, { type Duration } from 'moment';

const DURATION_FORMAT = /^(0|[1-9][0-9]*)(ms|s|m|h|d|w|M|Y)$/;
const PARSE_ERROR =
  "Failed to parse value as time value. Value must be a duration in milliseconds, or follow the format <count>[ms|s|m|h|d|w|M|Y] (e.g. '70ms', '5s', '3d', '1Y'), where the duration is a safe positive integer.";

/** Turns `'5s'`, `'500ms'`, `'1m'`, `'2h'`, a millisecond count or a Duration into a Duration. */
export function ensureDuration(value: Duration | string | number): Duration {
  if (typeof value === 'string') return stringToDuration(value);
  if (typeof value === 'number') return millisecondsToDuration(value);
  return value;
}

function stringToDuration(text: string): Duration {
  const match = DURATION_FORMAT.exec(text);
  if (!match) {
    // Plain digits ('1500') are milliseconds, like a number.
    if (text.trim() === '' || Number.isNaN(Number(text))) throw new Error(PARSE_ERROR);
    return millisecondsToDuration(Number(text));
  }
  const count = parseInt(match[1], 10);
  const unit = match[2] as moment.unitOfTime.DurationConstructor;
  return moment.duration(count, unit);
}

function millisecondsToDuration(milliseconds: number): Duration {
  if (!Number.isSafeInteger(milliseconds) || milliseconds < 0) throw new Error(PARSE_ERROR);
  return moment.duration(milliseconds, 'milliseconds');
}
