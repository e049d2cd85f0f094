import { UserError } from '../../../common/errors';

const truncate = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

/** How an error message names a value: `nothing`, `a list`, `an object`, `the string "web-1"`. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(truncate(value))}`;
  return `the ${typeof value} ${String(value)}`;
}

/** What the author wrote, as an error message quotes it. */
export const quote = (written: unknown): string => truncate(JSON.stringify(written) ?? 'nothing');

/** `"items" must be a list, but "${{ inputs.host }}" gave the string "web-1"`: names the field, what the author wrote and what it gave. */
export function invalidValue(field: string, expected: string, written: unknown, value: unknown): UserError {
  return new UserError(`"${field}" must be ${expected}, but ${quote(written)} gave ${describeValue(value)}`);
}

export function requireList(field: string, written: unknown, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw invalidValue(field, 'a list', written, value);
  return value;
}

export function requireString(field: string, written: unknown, value: unknown): string {
  if (typeof value !== 'string') throw invalidValue(field, 'a string', written, value);
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
