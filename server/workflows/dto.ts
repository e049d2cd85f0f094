/** Maps store records to the API's response shapes (the one execution shape used everywhere). */
import type { ExecutionDto, ExecutionSummaryDto, StepExecutionDto, WorkflowDto } from '../../common/api';
import type { ExecutionRecord, StepExecutionRecord, WorkflowRecord } from '../storage/types';

export const toWorkflowDto = (record: WorkflowRecord, lastExecution?: ExecutionRecord): WorkflowDto => {
  const { spaceId, ...rest } = record;
  return {
    ...rest,
    spaceId,
    ...(lastExecution
      ? { lastExecution: { id: lastExecution.id, status: lastExecution.status, startedAt: lastExecution.startedAt, finishedAt: lastExecution.finishedAt } }
      : {}),
  };
};

export const toExecutionSummaryDto = (record: ExecutionRecord): ExecutionSummaryDto => ({
  id: record.id,
  workflowId: record.workflowId,
  workflowName: record.workflowName,
  workflowRevision: record.workflowRevision,
  status: record.status,
  ...(record.error ? { error: record.error } : {}),
  isTestRun: record.isTestRun,
  ...(record.dryRun ? { dryRun: true } : {}),
  triggeredBy: record.triggeredBy,
  startedAt: record.startedAt,
  finishedAt: record.finishedAt,
  ...(record.output ? { output: record.output } : {}),
  ...(record.parentExecutionId ? { parentExecutionId: record.parentExecutionId } : {}),
});

export const toStepExecutionDto = (record: StepExecutionRecord): StepExecutionDto => ({
  id: record.id,
  name: record.stepName,
  type: record.stepType,
  path: record.path,
  status: record.status,
  input: record.input,
  output: record.output,
  ...(record.error ? { error: record.error } : {}),
  attempt: record.attempt,
  startedAt: record.startedAt,
  finishedAt: record.finishedAt,
  ...(record.effects?.length ? { effects: record.effects } : {}),
});

export const toExecutionDto = (record: ExecutionRecord, steps: StepExecutionRecord[]): ExecutionDto => ({
  ...toExecutionSummaryDto(record),
  steps: steps.map(toStepExecutionDto),
});
