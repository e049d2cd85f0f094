/**
 * The interface every step kind implements. A kind lives in its own folder under `server/steps/`
 * and is registered by `type` in `registry.ts`.
 */
import type { StepDefinition } from '../../common/spec';
import type { ProposedEffect, StepExecutionRecord } from '../storage/types';
import type { StepServices } from './services';

export type StepLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The values templates and conditions see (`inputs`, `steps.<name>.output`, `foreach.item`, …). */
export type TemplateScope = Record<string, unknown>;

export interface LoopFrame {
  item: unknown;
  index: number;
  total: number;
  items: unknown[];
}

export interface StepRunContext<Input = Record<string, unknown>> {
  step: StepDefinition;
  /** The step's `with`, rendered (leaf kinds only; containers render what they need themselves). */
  input: Input;
  /** This step's record from an earlier pass of the same run, when the run is resuming. */
  previous?: StepExecutionRecord;
  signal: AbortSignal;
  now(): Date;
  scope(): TemplateScope;
  render(value: unknown): unknown;
  evaluate(expression: string): unknown;
  evaluateCondition(condition: string | boolean): boolean;
  log(level: StepLogLevel, message: string): void;
  setVariables(values: Record<string, unknown>): void;
  /** Runs nested steps in order; `loop` opens a loop iteration (its own step paths and `foreach.*`). */
  runSteps(steps: StepDefinition[], options?: { loop?: { name: string; frame: LoopFrame } }): Promise<void>;
  /** Keeps `state` on the step record and parks the whole run until `resumeAt` (frees the worker). */
  park(resumeAt: Date, state: Record<string, unknown>, status?: 'waiting' | 'waiting_for_input'): Promise<never>;
  /** Persists what a container decided (e.g. a foreach's items) so a resumed run takes the same path. */
  saveState(state: Record<string, unknown>): Promise<void>;
  /** How long a wait may sleep in the worker before it parks the run instead. */
  inlineWaitThresholdMs: number;
  /** Id of the run. */
  executionId: string;
  /** Execution id + step path: the same for every attempt, sent with side effects. */
  idempotencyKey: string;
  /** Which attempt of the step this is (1-based); a resumed attempt keeps its number. */
  attempt: number;
  /** True in a dry run: steps that would write must call `proposeEffect` instead and not send. */
  dryRun: boolean;
  proposeEffect(effect: ProposedEffect): void;
  /** Sets (merges into) the run's output (`workflow.output`). */
  setOutput(values: Record<string, unknown>): void;
  services: StepServices;
}

export interface RestoreContext {
  setVariables(values: Record<string, unknown>): void;
  setOutput(values: Record<string, unknown>): void;
}

export interface StepResult {
  output?: unknown;
  state?: Record<string, unknown>;
}

export interface StepKind<Input = Record<string, unknown>> {
  type: string;
  description: string;
  /**
   * Whether an attempt that was in flight when the process died may simply run again.
   * Default true. Kinds with side effects say true only when they send an idempotency key.
   */
  safeToRerun?: boolean;
  /**
   * Containers run nested steps. They are entered again when a run resumes so that their children
   * can restore their outputs; they read their earlier decisions from `previous.state`.
   */
  container?: boolean;
  /**
   * Builds the step's input (recorded on the step execution and passed as `context.input`).
   * Default: the rendered `with`. Kinds whose values sit beside `with` (e.g. `items`), or that
   * evaluate parts per item, build it themselves.
   */
  input?(step: StepDefinition, render: (value: unknown) => unknown): Input;
  run(context: StepRunContext<Input>): Promise<StepResult>;
  /** Re-applies a finished step's effect on the run's context when a run resumes. */
  restore?(record: StepExecutionRecord, context: RestoreContext): void;
}
