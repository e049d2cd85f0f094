/*
 * At-most-once side effects per (connector, execution id). A successful result is recorded and
 * handed back to any later call with the same pair, so a workflow run resumed after a crash does
 * not page twice; a concurrent call with the same pair waits for the one in flight instead of
 * sending in parallel. Failures are not recorded: the caller may retry them.
 */
import type { ActionTypeExecutorResult } from '@kbn/actions-plugin/server';
import type { ConnectorStore } from './connector_store';

type Result = ActionTypeExecutorResult<unknown>;

export class ExecutionLedger {
  private readonly inFlight = new Map<string, Promise<Result>>();

  constructor(private readonly store: ConnectorStore) {}

  once(connectorId: string, executionId: string, run: () => Promise<Result>): Promise<Result> {
    const recorded = this.store.getRecordedResult(connectorId, executionId);
    if (recorded) return Promise.resolve(recorded);
    const key = JSON.stringify([connectorId, executionId]);
    const pending = this.inFlight.get(key);
    if (pending) return pending;

    const execution = run()
      .then((result) => {
        // The host may be stopping while a call finishes; the caller still gets its result.
        if (result.status === 'ok' && this.store.isOpen) this.store.recordResult(connectorId, executionId, result);
        return result;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, execution);
    return execution;
  }
}
