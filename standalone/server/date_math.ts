/*
 * Date bounds in host APIs accept what Elasticsearch and Kibana accept: ISO dates, epoch
 * milliseconds and date math (`now-7d`, `now/d`).
 */
import dateMath from '@elastic/datemath';

/** Epoch milliseconds, or undefined when the text is no date. */
export function parseDate(value: string | number, options: { now: Date; roundUp?: boolean }): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const parsed = dateMath.parse(value, { forceNow: options.now, roundUp: options.roundUp });
  return parsed?.isValid() ? parsed.valueOf() : undefined;
}
