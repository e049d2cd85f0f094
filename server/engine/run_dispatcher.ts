/**
 * This node's share of the run queue. Many runs execute here at once, each claimed in the store
 * under this node's lease (renewed in one write for all of them). A run started on this node is
 * taken at once, with no poll wait; a run that left its process (it parked, or its node died)
 * comes back through `pump`, which a runner task calls with the credentials the run acts with.
 */
import type { KibanaRequest, Logger } from '@kbn/core/server';
import type { WorkflowStore } from '../storage/types';
import type { WorkflowEngine } from './workflow_engine';

export interface RunDispatcherDeps {
  engine: Pick<WorkflowEngine, 'runExecution' | 'cancel'>;
  store: Pick<WorkflowStore, 'renewLeases' | 'dueExecutions' | 'statusesOf'>;
  /** How often runner tasks pump: parked runs resuming within it are timed here. */
  pollIntervalMs: number;
  logger: Logger;
  /** This node's id: the owner of its leases. */
  owner: string;
  leaseMs: number;
  maxConcurrentRuns: number;
  /** A parked run due within this is woken by a timer here; a later one waits for its runner task. */
  resumeHorizonMs: number;
  now?: () => Date;
}

interface Job {
  spaceId: string;
  id: string;
  request?: KibanaRequest;
}

/** A `pending` run younger than this may still be on its way to the node that created it. */
const PENDING_GRACE_MS = 5_000;
/** How long `stop` lets runs in flight wind down before it releases their leases anyway. */
const STOP_GRACE_MS = 5_000;
/** How often a node looks whether a run it executes was cancelled elsewhere (another node's API call). */
const HEARTBEAT_MS = 500;

const jobKey = (spaceId: string, id: string) => `${spaceId}\u0000${id}`;

export class RunDispatcher {
  private readonly queue: Job[] = [];
  /** Runs queued or running here, so a run is never taken twice by this node. */
  private readonly taken = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The request each runner task last pumped with: the credentials to continue that user's runs here. */
  private readonly credentials = new Map<string, KibanaRequest | undefined>();
  /** Runner keys whose last pump filled every free place: more of their runs may be due. */
  private readonly backlog = new Map<string | undefined, KibanaRequest | undefined>();
  private pumping = false;
  private readonly stopping = new AbortController();
  private readonly startedAt: Date;
  /** Settles once the claims this node left from an earlier process are given up. */
  private readonly ready: Promise<void>;
  /** Runs executing here now. */
  private readonly running = new Map<string, Job>();
  private heartbeat?: NodeJS.Timeout;
  private renewedAt = 0;
  private drained?: () => void;

  constructor(private readonly deps: RunDispatcherDeps) {
    this.startedAt = this.now();
    // Nothing runs here yet, so any lease this node holds is from a process that died: end them.
    this.ready = deps.store.renewLeases(deps.owner, new Date(0).toISOString()).catch((error: Error) => {
      deps.logger.warn(`Leases of an earlier process could not be released: ${error.message}`);
    });
  }

  /** Runs queued or running on this node. */
  get size(): number {
    return this.taken.size;
  }

  /** Takes a run on this node. False when it is already here, or the node is stopping. */
  submit(spaceId: string, id: string, request?: KibanaRequest): boolean {
    const key = jobKey(spaceId, id);
    if (this.stopping.signal.aborted || this.taken.has(key)) return false;
    this.taken.add(key);
    this.queue.push({ spaceId, id, request });
    this.drain();
    return true;
  }

  /**
   * Takes a run that is due again (woken, or off a concurrency queue) when this node holds the
   * credentials of the user it acts for. False when it does not (the runner task must take it).
   */
  resume(spaceId: string, id: string, runnerKey: string | undefined): boolean {
    if (runnerKey !== undefined && !this.credentials.has(runnerKey)) return false;
    this.submit(spaceId, id, runnerKey === undefined ? undefined : this.credentials.get(runnerKey));
    return true;
  }

  /**
   * Takes the due runs of `runnerKey` nobody holds, as many as there is room for, to run with
   * `request`; parked runs resuming before the next pump get a timer. Pending runs created before
   * this process started are due at once: nobody else is starting them. Returns how many it took.
   */
  async pump(runnerKey: string | undefined, request?: KibanaRequest): Promise<number> {
    if (runnerKey !== undefined) this.credentials.set(runnerKey, request);
    const room = this.deps.maxConcurrentRuns * 2 - this.taken.size;
    if (room <= 0 || this.stopping.signal.aborted) return 0;
    const now = this.now();
    const cutoff = Math.max(now.getTime() - PENDING_GRACE_MS, this.startedAt.getTime());
    const due = await this.deps.store.dueExecutions({
      runnerKey,
      now: now.toISOString(),
      pendingCreatedBefore: new Date(cutoff).toISOString(),
      resumeBy: new Date(now.getTime() + this.deps.pollIntervalMs).toISOString(),
      limit: room,
    });
    if (due.length >= room) this.backlog.set(runnerKey, request);
    else this.backlog.delete(runnerKey);
    let taken = 0;
    for (const run of due) {
      const job = { spaceId: run.spaceId, id: run.id, request };
      if (run.resumeAt && Date.parse(run.resumeAt) > now.getTime()) this.resumeLater(job, new Date(run.resumeAt));
      else if (this.submit(run.spaceId, run.id, request)) taken++;
    }
    return taken;
  }

  /** Aborts the runs in flight (they stay resumable), waits briefly for them, and gives up their leases. */
  async stop(): Promise<void> {
    this.stopping.abort(new Error('The server is stopping'));
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.queue.length = 0;
    if (this.running.size > 0) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
        setTimeout(resolve, STOP_GRACE_MS).unref();
      });
    }
    this.stopHeartbeat();
    // Expired at once: another node (or this one, restarted) takes the interrupted runs without waiting.
    await this.deps.store.renewLeases(this.deps.owner, new Date(0).toISOString());
  }

  private drain() {
    while (this.running.size < this.deps.maxConcurrentRuns && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running.set(jobKey(job.spaceId, job.id), job);
      this.startHeartbeat();
      void this.run(job);
    }
  }

  private async run(job: Job) {
    try {
      await this.ready;
      const outcome = await this.deps.engine.runExecution(job.spaceId, job.id, this.stopping.signal, job.request);
      if (outcome && 'resumeAt' in outcome) this.resumeLater(job, outcome.resumeAt);
    } catch (error) {
      this.deps.logger.error(`Run ${job.id} could not be driven: ${(error as Error).message}`);
    } finally {
      this.running.delete(jobKey(job.spaceId, job.id));
      this.taken.delete(jobKey(job.spaceId, job.id));
      this.drain();
      this.pumpBacklog();
      if (this.running.size === 0) {
        this.stopHeartbeat();
        this.drained?.();
      }
    }
  }

  /** Once the queue here ran dry, takes more of the runs a full pump left behind. */
  private pumpBacklog() {
    if (this.pumping || this.queue.length > 0 || this.backlog.size === 0) return;
    const [runnerKey, request] = this.backlog.entries().next().value!;
    this.backlog.delete(runnerKey);
    this.pumping = true;
    this.pump(runnerKey, request)
      .catch((error: Error) => this.deps.logger.warn(`Due runs could not be fetched: ${error.message}`))
      .finally(() => (this.pumping = false));
  }

  /** A short park wakes from a timer here; its runner task is the fallback should this node die. */
  private resumeLater(job: Job, at: Date) {
    const delay = at.getTime() - this.now().getTime();
    if (delay > this.deps.resumeHorizonMs || this.stopping.signal.aborted) return;
    const key = jobKey(job.spaceId, job.id);
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.submit(job.spaceId, job.id, job.request);
    }, Math.max(0, delay));
    timer.unref();
    this.timers.set(key, timer);
  }

  /** While runs execute here: stop those cancelled elsewhere, and renew the leases when a third of them has passed. */
  private startHeartbeat() {
    if (this.heartbeat) return;
    this.renewedAt = this.now().getTime();
    this.heartbeat = setInterval(() => {
      this.beat().catch((error: Error) => this.deps.logger.warn(`Run leases could not be renewed or checked: ${error.message}`));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private async beat() {
    const now = this.now().getTime();
    if (now - this.renewedAt >= this.deps.leaseMs / 3) {
      this.renewedAt = now;
      await this.deps.store.renewLeases(this.deps.owner, new Date(now + this.deps.leaseMs).toISOString());
    }
    const statuses = await this.deps.store.statusesOf([...this.running.values()]);
    for (const run of statuses) {
      if (run.status === 'cancelled') await this.deps.engine.cancel(run.spaceId, run.id);
    }
  }

  private stopHeartbeat() {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }
}
