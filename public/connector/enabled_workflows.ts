import type { HttpStart } from '@kbn/core/public';
import { WORKFLOWS_SEARCH_API, WORKFLOW_API, withParams, type SearchWorkflowsResponse, type WorkflowDto } from '../../common/api';

/** The search API's largest page: enough for every enabled workflow of a space in practice. */
const PAGE_SIZE = 1000;
/** How long a validation may rely on the list the form loaded; the form itself always reloads. */
const FRESH_FOR_MS = 30_000;

export interface EnabledWorkflowsPage {
  workflows: WorkflowDto[];
  /** How many enabled workflows exist, which can exceed the page. */
  total: number;
}

const hasAlertTrigger = (workflow: WorkflowDto) => workflow.triggerTypes.includes('alert');

/** Alert-triggered workflows first (they are the ones written for rule actions), then by name. */
export const sortForRuleActions = (workflows: WorkflowDto[]): WorkflowDto[] =>
  [...workflows].sort(
    (a, b) => Number(hasAlertTrigger(b)) - Number(hasAlertTrigger(a)) || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
  );

/**
 * The enabled workflows a rule action may run, shared by one connector model's params form and its
 * `validateParams`, so validating right after the form loaded costs no second request.
 */
export class EnabledWorkflows {
  private cached?: { at: number; page: Promise<EnabledWorkflowsPage> };

  constructor(
    private readonly getHttp: () => Promise<HttpStart>,
    private readonly now: () => number = Date.now,
  ) {}

  load({ refresh = false }: { refresh?: boolean } = {}): Promise<EnabledWorkflowsPage> {
    if (!refresh && this.cached && this.now() - this.cached.at < FRESH_FOR_MS) return this.cached.page;
    const page = this.fetch();
    const entry = { at: this.now(), page };
    this.cached = entry;
    // A failed load must not stick: the next caller asks again.
    page.catch(() => {
      if (this.cached === entry) this.cached = undefined;
    });
    return page;
  }

  /** Whether a rule action may run this workflow: it exists and is enabled. */
  async isAvailable(workflowId: string): Promise<boolean> {
    const { workflows, total } = await this.load();
    if (workflows.some(({ id }) => id === workflowId)) return true;
    if (total <= workflows.length) return false;
    // More enabled workflows than one page holds: ask about this one.
    const http = await this.getHttp();
    const workflow = await http.get<WorkflowDto>(withParams(WORKFLOW_API, { id: workflowId })).catch(() => undefined);
    return workflow?.enabled === true;
  }

  private async fetch(): Promise<EnabledWorkflowsPage> {
    const http = await this.getHttp();
    const { results, total } = await http.post<SearchWorkflowsResponse>(WORKFLOWS_SEARCH_API, {
      body: JSON.stringify({ enabled: true, size: PAGE_SIZE, page: 1 }),
    });
    return { workflows: sortForRuleActions(results), total };
  }
}
