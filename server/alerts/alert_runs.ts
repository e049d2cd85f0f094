/**
 * Starts runs for alerts, the same way for a rule action and for "Run workflow" on alerts:
 * alerts that do not match the workflow's alert trigger are filed as one skipped execution;
 * the rest start one run (summary) or one run per alert.
 */
import { NotFoundError, UserError } from '../../common/errors';
import type { WorkflowStore } from '../storage/types';
import { parseCached } from '../workflows/definition_cache';
import type { RunOptions, RunsService } from '../workflows/runs_service';
import type { AlertEvent } from './alert_event';
import { filterAlertsForTrigger } from './alert_trigger_filter';

export interface AlertRunRequest {
  spaceId: string;
  workflowId: string;
  event: AlertEvent;
  inputs?: Record<string, unknown>;
  /** One run for all alerts (default) or one run per alert. */
  summaryMode?: boolean;
  request?: RunOptions['request'];
}

export interface AlertRunResult {
  workflowRunIds: string[];
  skippedAlerts: number;
  skippedExecutionId?: string;
}

const alertId = (alert: Record<string, unknown>) => String(alert._id ?? (alert.kibana as { alert?: { uuid?: string } })?.alert?.uuid ?? '?');

export async function startAlertRuns(store: WorkflowStore, runs: RunsService, job: AlertRunRequest): Promise<AlertRunResult> {
  const workflow = await store.getWorkflow(job.spaceId, job.workflowId);
  if (!workflow) throw new NotFoundError(`Workflow [${job.workflowId}] not found`);
  if (!workflow.enabled) throw new UserError(`Workflow "${workflow.name}" (${workflow.id}) is disabled`);
  if (!workflow.valid) throw new UserError(`Workflow "${workflow.name}" (${workflow.id}) is not valid`);

  const { matching, skipped } = filterAlertsForTrigger(parseCached(workflow.yaml).definition, job.event.alerts);
  const base: RunOptions = { inputs: job.inputs ?? {}, triggeredBy: 'alert', request: job.request };
  const result: AlertRunResult = { workflowRunIds: [], skippedAlerts: skipped.length };
  if (skipped.length) {
    const reason = `${skipped.length} alert(s) did not match the alert trigger conditions: ${skipped.map(alertId).join(', ')}`;
    result.skippedExecutionId = (await runs.recordSkipped(job.spaceId, workflow, { ...base, event: { ...job.event, alerts: skipped } }, reason)).id;
  }
  const batches = job.summaryMode === false ? matching.map((alert) => [alert]) : matching.length ? [matching] : [];
  for (const alerts of batches) {
    const execution = await runs.start(job.spaceId, workflow, { ...base, event: { ...job.event, alerts } });
    result.workflowRunIds.push(execution.id);
  }
  return result;
}
