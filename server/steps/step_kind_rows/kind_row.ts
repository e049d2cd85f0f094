/**
 * The per-kind acceptance table: every step kind has four scenarios (success, failure, retry,
 * timeout), each an async body that runs a workflow through the real engine and asserts exact
 * outputs and statuses. Row modules in this folder list the kinds; their `*.test.ts` run them.
 */
export const KIND_CASES = ['success', 'failure', 'retry', 'timeout'] as const;
export type KindCase = (typeof KIND_CASES)[number];

export interface KindRow {
  /** The step `type` (for an open family, one example type of it). */
  type: string;
  cases: Record<KindCase, () => Promise<void>>;
}

/** Registers the jest tests of `rows`: one `describe` per kind, one test per scenario. */
export function describeKindRows(title: string, rows: KindRow[]) {
  describe(title, () => {
    describe.each(rows)('$type', ({ cases }) => {
      it.each(KIND_CASES)('%s', (scenario) => cases[scenario]());
    });
  });
}
