import moment, { type Duration } from 'moment';
import { ensureDuration } from '../duration';
import type { Reference } from '../references';
import { typeDetect } from '../value_utils';
import { Type, type TypeOptions, type ValidationState } from './type';

export interface DurationOptions extends Omit<TypeOptions<Duration>, 'defaultValue'> {
  /** Written like the value: `'5s'`, a millisecond count, or a Duration. */
  defaultValue?: Duration | string | number | Reference<Duration> | (() => Duration | string | number);
}

export class DurationType extends Type<Duration> {
  constructor(options: DurationOptions = {}) {
    const { defaultValue } = options;
    super({ ...options, defaultValue: normalizeDefault(defaultValue) });
  }

  protected parse(value: unknown, state: ValidationState): Duration {
    if (moment.isDuration(value)) return value;
    if (typeof value === 'string' || typeof value === 'number') {
      try {
        return ensureDuration(value);
      } catch (error) {
        throw this.error((error as Error).message, state);
      }
    }
    throw this.error(`expected value of type [moment.Duration] but got [${typeDetect(value)}]`, state);
  }
}

function normalizeDefault(defaultValue: DurationOptions['defaultValue']): TypeOptions<Duration>['defaultValue'] {
  if (typeof defaultValue === 'function') return () => ensureDuration(defaultValue());
  if (typeof defaultValue === 'string' || typeof defaultValue === 'number') return ensureDuration(defaultValue);
  return defaultValue;
}
