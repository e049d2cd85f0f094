/**
 * Durations are written the way Elastic Workflows writes them: an integer and one unit, e.g. `30s`,
 * `500ms`, `15m`, `24h`, `7d`, `1w`. Keeping one pattern everywhere means `timeout`, `wait` and retry
 * delays can never disagree about what `1m` means.
 */
export const DURATION_PATTERN = /^(\d+)(ms|[smhdw])$/;

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds of a duration such as `30s`, or `undefined` when the text is not a duration. */
export const parseDurationMs = (text: string): number | undefined => {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2]];
};

/** A value rendered at run time (`{{ }}` or `${{ }}`) cannot be checked before the run. */
export const isTemplated = (text: string): boolean => text.includes('{{') || text.includes('{%');
