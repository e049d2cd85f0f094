import { UserError } from '../../../common/errors';

const REFERENCE = /\$(?:(\d+)|<([^>]*)>|(&)|(\$))/g;
const SINGLE_REFERENCE = new RegExp(`^(?:${REFERENCE.source})$`);

/** The capture groups `regex` has: how many, and their names. */
function groupsOf(regex: RegExp): { count: number; names: Set<string> } {
  // An empty alternative matches the empty string, so every group shows up, unmatched.
  const match = new RegExp(`(?:${regex.source})|`, regex.flags.replace(/[gy]/g, '')).exec('') as RegExpExecArray;
  return { count: match.length - 1, names: new Set(Object.keys(match.groups ?? {})) };
}

/** The text a reference stands for, or undefined when its group took no part in the match. */
function resolve(match: RegExpExecArray, [, number, name, whole, dollar]: string[]): string | undefined {
  if (dollar) return '$';
  if (whole) return match[0];
  return name !== undefined ? match.groups?.[name] : match[Number(number)];
}

/**
 * Checks the `fields` of `data.regexExtract` against the pattern once, then gives what to output
 * per match. A field that is exactly one reference (`$1`, `$<user>`, `$0` or `$&` for the whole
 * match) takes the group's value, null when the group took no part; any other text is filled in
 * like a replacement, an unmatched group as "". Without `fields` a match gives its named groups
 * as an object, or, when the pattern names none, the list `[match, $1, $2, …]`.
 */
export function extractor(regex: RegExp, fields?: Record<string, string>): (match: RegExpExecArray) => unknown {
  const groups = groupsOf(regex);
  if (!fields) {
    if (groups.names.size > 0) return (match) => Object.fromEntries(Object.entries(match.groups ?? {}).map(([key, value]) => [key, value ?? null]));
    return (match) => Array.from(match, (value) => value ?? null);
  }
  for (const [key, template] of Object.entries(fields)) {
    for (const [reference, number, name] of template.matchAll(REFERENCE)) {
      if (number !== undefined && Number(number) > groups.count) {
        throw new UserError(`"fields.${key}" refers to ${reference}, but the pattern has ${groups.count} capture group(s)`);
      }
      if (name !== undefined && !groups.names.has(name)) {
        throw new UserError(`"fields.${key}" refers to ${reference}, but the pattern has no group named "${name}"`);
      }
    }
  }
  return (match) =>
    Object.fromEntries(
      Object.entries(fields).map(([key, template]) => {
        const single = SINGLE_REFERENCE.exec(template);
        if (single) return [key, resolve(match, single) ?? null];
        return [key, template.replace(REFERENCE, (...reference: string[]) => resolve(match, reference) ?? '')];
      })
    );
}
