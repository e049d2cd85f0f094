/**
 * What the routes (and later the rule action) do with workflows: save YAML with its validation
 * result, enable/disable, search, and start runs through Task Manager.
 */
import { randomUUID } from 'node:crypto';
import type { ExecutionDto, ListExecutionsResponse, SearchWorkflowsResponse, ValidationFinding, WorkflowDto } from '../../common/api';
import { NotFoundError, UserError } from '../../common/errors';
import { parseCached } from './definition_cache';
import type { ExecutionRecord, WorkflowRecord, WorkflowStore } from '../storage/types';
import type { KibanaRequest } from '@kbn/core/server';
import type { WorkflowScheduler } from '../scheduling/scheduled_task';
import type { RunOptions, RunsService } from './runs_service';
import { toExecutionDto, toExecutionSummaryDto, toWorkflowDto } from './dto';
import { formatFinding, notValidError, summarize } from './summarize';

/** Test runs of unsaved YAML are filed under this workflow id. */
export const TEST_RUN_WORKFLOW_ID = 'test-run';

export class WorkflowsService {
  constructor(
    private readonly store: WorkflowStore,
    private readonly runs: RunsService,
    private readonly scheduler: WorkflowScheduler,
    private readonly now: () => Date = () => new Date()
  ) {}

  async create(spaceId: string, yaml: string, user: string, request?: KibanaRequest): Promise<WorkflowDto> {
    const checked = this.check(yaml);
    const now = this.now().toISOString();
    const record: WorkflowRecord = {
      id: `workflow-${randomUUID()}`,
      spaceId,
      ...checked.summary,
      enabled: checked.valid && checked.summary.enabled,
      yaml,
      valid: checked.valid,
      validationErrors: checked.findings,
      revision: 1,
      createdAt: now,
      createdBy: user,
      updatedAt: now,
      updatedBy: user,
    };
    const created = await this.store.createWorkflow(record);
    await this.scheduler.sync(created, request);
    return this.withNextRun(toWorkflowDto(created));
  }

  async get(spaceId: string, id: string): Promise<WorkflowDto> {
    const record = await this.getRecord(spaceId, id);
    const latest = await this.store.latestExecutions(spaceId, [id]);
    return this.withNextRun(toWorkflowDto(record, latest.get(id)));
  }

  async update(spaceId: string, id: string, changes: { yaml?: string; enabled?: boolean }, user: string, request?: KibanaRequest): Promise<WorkflowDto> {
    const current = await this.getRecord(spaceId, id);
    let patch: Partial<WorkflowRecord> = {};
    let valid = current.valid;
    if (changes.yaml !== undefined) {
      const checked = this.check(changes.yaml);
      valid = checked.valid;
      patch = { ...checked.summary, yaml: changes.yaml, valid, validationErrors: checked.findings, enabled: valid && checked.summary.enabled };
    }
    if (changes.enabled !== undefined) {
      if (changes.enabled && !valid) {
        const first = (patch.validationErrors ?? current.validationErrors).find((f) => f.severity === 'error');
        throw new UserError(`Workflow is not valid and cannot be enabled${first ? `: ${formatFinding(first)}` : ''}`);
      }
      patch.enabled = changes.enabled;
    }
    const updated = await this.store.updateWorkflow(spaceId, id, { ...patch, updatedBy: user }, current.revision);
    if (!updated) throw notFound(id);
    await this.scheduler.sync(updated, request);
    return this.withNextRun(toWorkflowDto(updated));
  }

  async delete(spaceId: string, id: string): Promise<void> {
    if (!(await this.store.deleteWorkflow(spaceId, id))) throw notFound(id);
    await this.scheduler.remove(spaceId, id);
  }

  async search(spaceId: string, query: { query?: string; enabled?: boolean; tags?: string[]; page: number; size: number }): Promise<SearchWorkflowsResponse> {
    const page = await this.store.searchWorkflows({ spaceId, ...query });
    const latest = await this.store.latestExecutions(spaceId, page.results.map((w) => w.id));
    const results = await Promise.all(page.results.map((w) => this.withNextRun(toWorkflowDto(w, latest.get(w.id)))));
    return { results, total: page.total, page: query.page, size: query.size };
  }

  /** Starts a run of a saved workflow (through Task Manager; the run happens outside the request). */
  async run(spaceId: string, id: string, options: RunOptions): Promise<ExecutionRecord> {
    const workflow = await this.getRecord(spaceId, id);
    if (!workflow.valid) throw notValidError(workflow.validationErrors);
    if (!workflow.enabled) throw new UserError('Workflow is disabled');
    return this.runs.start(spaceId, workflow, options);
  }

  /** A real run of YAML that need not be saved, flagged as a test run. */
  async test(spaceId: string, yaml: string, options: RunOptions & { workflowId?: string }): Promise<ExecutionRecord> {
    // YAML that does not parse at all is refused here; runs.start refuses any other invalid workflow.
    const checked = this.check(yaml);
    const saved = options.workflowId ? await this.store.getWorkflow(spaceId, options.workflowId) : undefined;
    const source = { id: saved?.id ?? TEST_RUN_WORKFLOW_ID, name: checked.summary.name, revision: saved?.revision ?? 0, yaml };
    return this.runs.start(spaceId, source, { ...options, isTestRun: true, triggeredBy: options.triggeredBy ?? 'test' });
  }

  async listExecutions(spaceId: string, workflowId: string, page: number, size: number): Promise<ListExecutionsResponse> {
    await this.getRecord(spaceId, workflowId);
    const found = await this.store.searchExecutions({ spaceId, workflowId, page, size });
    return { results: found.results.map(toExecutionSummaryDto), total: found.total };
  }

  async getExecution(spaceId: string, executionId: string): Promise<ExecutionDto> {
    const execution = await this.store.getExecution(spaceId, executionId);
    if (!execution) throw new NotFoundError(`Workflow execution [${executionId}] not found`);
    return toExecutionDto(execution, await this.store.listStepExecutions(spaceId, executionId));
  }

  async getExecutionLogs(spaceId: string, executionId: string) {
    if (!(await this.store.getExecution(spaceId, executionId))) throw new NotFoundError(`Workflow execution [${executionId}] not found`);
    return (await this.store.listLogs(spaceId, executionId)).map(({ stepPath, level, message, timestamp }) => ({
      ...(stepPath ? { stepPath } : {}),
      level,
      message,
      timestamp,
    }));
  }

  private async withNextRun(dto: WorkflowDto): Promise<WorkflowDto> {
    if (!dto.enabled || !dto.triggerTypes.includes('scheduled')) return dto;
    const nextRunAt = await this.scheduler.nextRunAt(dto.spaceId, dto.id);
    return nextRunAt ? { ...dto, nextRunAt } : dto;
  }

  /** Parses and validates; a document that is not YAML at all, or has no name, cannot be saved. */
  private check(yaml: string) {
    const parsed = parseCached(yaml);
    const summary = summarize(parsed.definition, yaml);
    const syntax = parsed.findings.find((f) => f.code === 'yaml-syntax');
    if (syntax) throw invalidYaml(`Invalid workflow YAML: ${formatFinding(syntax)}`, parsed.findings);
    if (!summary.name) {
      const missing = parsed.findings.find((f) => f.path === 'name') ?? { line: 1, column: 1, message: 'a workflow needs a "name"' };
      throw invalidYaml(`Invalid workflow: ${formatFinding(missing as ValidationFinding)}`, parsed.findings);
    }
    return { summary, findings: parsed.findings, valid: parsed.valid };
  }

  private async getRecord(spaceId: string, id: string): Promise<WorkflowRecord> {
    const record = await this.store.getWorkflow(spaceId, id);
    if (!record) throw notFound(id);
    return record;
  }
}

const notFound = (id: string) => new NotFoundError(`Workflow [${id}] not found`);
const invalidYaml = (message: string, findings: ValidationFinding[]) => new UserError(message, { findings });
