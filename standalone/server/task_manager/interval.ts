/* Task Manager intervals (`30s`, `5m`, `1h`, `1d`), with Kibana's error message for bad ones. */
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const INTERVAL = /^(\d+)(ms|s|m|h|d)$/;

export function parseIntervalMs(interval: string): number {
  const match = INTERVAL.exec(interval);
  if (!match || Number(match[1]) === 0) {
    throw new Error(`Invalid interval "${interval}". Intervals must be of the form {number}m. Example: 5m.`);
  }
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
