const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(\d+)(ms|s|m|h|d|w)$/;

/** Parses a workflow duration such as `500ms`, `30s`, `5m`, `4h`, `1d`, `2w` into milliseconds. */
export function parseDuration(text: unknown): number {
  const match = typeof text === 'string' ? DURATION.exec(text.trim()) : null;
  if (!match) {
    throw new Error(`Invalid duration ${JSON.stringify(text)}: use a number followed by ms, s, m, h, d or w (e.g. "30s")`);
  }
  return Number(match[1]) * UNITS[match[2]];
}
