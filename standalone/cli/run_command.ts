/**
 * `workflows run <file.yaml>`: runs a workflow in this process against a throw-away SQLite store,
 * with the same engine the server uses, and prints the execution.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@kbn/core/server';
import type { ExecutionDto } from '../../common/api';
import { parseWorkflowYaml } from '../../common/spec';
import { createTemplateEngine } from '../../common/templating';
import { WorkflowEngine } from '../../server/engine/workflow_engine';
import { createStepRegistry } from '../../server/steps/registry';
import { SqliteWorkflowStore } from '../../server/storage/sqlite/sqlite_store';
import { toExecutionDto } from '../../server/workflows/dto';
import { summarize } from '../../server/workflows/summarize';

export interface RunCommandOptions {
  file: string;
  inputs?: Record<string, unknown>;
  event?: Record<string, unknown>;
  dryRun?: boolean;
  logger: Logger;
}

export async function runWorkflowFile(options: RunCommandOptions): Promise<ExecutionDto> {
  const yaml = readFileSync(options.file, 'utf8');
  const parsed = parseWorkflowYaml(yaml);
  if (!parsed.valid) {
    const errors = parsed.findings.filter((f) => f.severity === 'error');
    throw new Error(errors.map((f) => `${options.file}:${f.line}:${f.column} ${f.message}`).join('\n'));
  }
  const dir = mkdtempSync(join(tmpdir(), 'workflows-run-'));
  const store = new SqliteWorkflowStore(join(dir, 'workflows.sqlite'));
  try {
    const now = new Date().toISOString();
    const execution = await store.createExecution({
      id: randomUUID(),
      spaceId: 'default',
      workflowId: 'cli',
      workflowName: summarize(parsed.definition, yaml).name,
      workflowRevision: 1,
      yaml,
      status: 'pending',
      isTestRun: true,
      triggeredBy: 'cli',
      inputs: options.inputs ?? {},
      ...(options.event ? { event: options.event } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
      createdAt: now,
      startedAt: null,
      finishedAt: null,
    });
    const engine = new WorkflowEngine({
      store,
      registry: createStepRegistry(),
      templates: createTemplateEngine(),
      logger: options.logger,
      now: () => new Date(),
      kibanaUrl: 'http://localhost:5601',
      inlineWaitThresholdMs: 5000,
    });
    const controller = new AbortController();
    for (;;) {
      const outcome = await engine.runExecution('default', execution.id, controller.signal);
      if (outcome?.status !== 'waiting') break;
      options.logger.info(`waiting until ${outcome.resumeAt.toISOString()}`);
      await sleep(Math.max(0, outcome.resumeAt.getTime() - Date.now()));
    }
    const finished = await store.getExecution('default', execution.id);
    return toExecutionDto(finished!, await store.listStepExecutions('default', execution.id));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const durationOf = (step: { startedAt: string | null; finishedAt: string | null }) =>
  step.startedAt && step.finishedAt ? `${Date.parse(step.finishedAt) - Date.parse(step.startedAt)} ms` : '';

const excerpt = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text && text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

/** The human-readable form of an execution. */
export function formatExecution(execution: ExecutionDto): string[] {
  const lines = [`${execution.workflowName ?? execution.workflowId}: ${execution.status}`];
  for (const step of execution.steps) {
    const depth = step.path.split('>').length - 1;
    const detail = step.error ? `error: ${step.error.message}` : step.output !== null ? `output: ${excerpt(step.output)}` : '';
    lines.push(`${'  '.repeat(depth + 1)}${step.name} (${step.type}) ${step.status} ${durationOf(step)}${detail ? `  ${detail}` : ''}`.trimEnd());
  }
  if (execution.error) lines.push(`error: ${execution.error.message}`);
  const effects = execution.steps.flatMap((step) => (step.effects ?? []).map((effect) => ({ step, effect })));
  if (execution.dryRun) {
    lines.push(effects.length ? `proposed effects (dry run, nothing was sent):` : 'dry run: no step would have sent anything');
    for (const { step, effect } of effects) {
      lines.push(`  ${step.path} [${effect.kind}] ${effect.summary}`);
      lines.push(`    ${JSON.stringify(effect.request)}`);
    }
  }
  return lines;
}
