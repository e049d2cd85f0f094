/**
 * How runs reach the engine. A new run starts on this node at once, with the request of whoever
 * started it; a run that is due again continues here when this node holds its user's
 * credentials, or else through that user's runner task, wherever Task Manager runs it.
 */
import type { KibanaRequest, Logger } from '@kbn/core/server';
import type { ExecutionRecord } from '../storage/types';
import type { RunDispatcher } from './run_dispatcher';
import type { RunnerTasks } from './runner_task';

/** Runs started with a request whose user has no name still act for that request. */
const UNNAMED_USER = 'anonymous';

export class Runner {
  constructor(
    private readonly dispatcher: RunDispatcher,
    private readonly tasks: RunnerTasks,
    private readonly identify: (request: KibanaRequest) => string | undefined,
    private readonly logger: Logger
  ) {}

  /** The runner key of runs started with `request`, once its runner task exists. */
  async prepare(request?: KibanaRequest): Promise<string | undefined> {
    const runnerKey = request ? (this.identify(request) ?? UNNAMED_USER) : undefined;
    await this.tasks.ensure(runnerKey, request);
    return runnerKey;
  }

  /** Runs a new execution on this node now. */
  start(execution: ExecutionRecord, request?: KibanaRequest): void {
    this.dispatcher.submit(execution.spaceId, execution.id, request);
  }

  /**
   * After a start: asks every runner with unfinished runs to look now, so runs this node left
   * when it stopped or died continue at once rather than at the runner's next turn.
   */
  async recover(keys: Array<string | undefined>): Promise<void> {
    await Promise.all(keys.map((key) => (key === undefined ? this.dispatcher.pump(undefined) : this.tasks.runSoon(key))));
  }

  /** Continues a run that is due again. */
  async resume(execution: ExecutionRecord): Promise<void> {
    if (this.dispatcher.resume(execution.spaceId, execution.id, execution.runnerKey)) return;
    if (await this.tasks.runSoon(execution.runnerKey)) return;
    this.tasks.forget(execution.runnerKey);
    this.logger.warn(`Run ${execution.id} is due but its runner task is gone; the sweep will fail it`);
  }
}
