import { schema } from '@kbn/config-schema';
import type { IRouter } from '@kbn/core/server';
import {
  EXECUTION_API,
  EXECUTION_CANCEL_API,
  EXECUTION_LOGS_API,
  EXECUTION_RESUME_API,
  WORKFLOW_EXECUTIONS_API,
  WORKFLOW_RUN_API,
  WORKFLOW_TEST_API,
} from '../../common/api';
import { handle, READ_SECURITY, WRITE_SECURITY, type RouteDeps } from './route_context';
import { UserError } from '../../common/errors';
import { buildAlertEvent, ruleOfAlert } from '../alerts/alert_event';
import type { AlertRef } from '../alerts/alert_lookup';

const idParams = schema.object({ id: schema.string({ minLength: 1, maxLength: 256 }) });
const executionParams = schema.object({ executionId: schema.string({ minLength: 1, maxLength: 256 }) });
const inputsSchema = schema.maybe(schema.recordOf(schema.string(), schema.any()));

/** "Run workflow" on alerts sends `inputs.event = { triggerType: 'alert', alertIds: [{ _id, _index }] }`. */
function alertRefsOf(inputs: Record<string, unknown> | undefined): AlertRef[] | undefined {
  const event = inputs?.event as { triggerType?: unknown; alertIds?: unknown } | undefined;
  if (event?.triggerType !== 'alert' || !Array.isArray(event.alertIds)) return undefined;
  const refs = event.alertIds.filter((ref): ref is AlertRef => typeof ref?._id === 'string' && typeof ref?._index === 'string');
  if (refs.length === 0 || refs.length !== event.alertIds.length) {
    throw new UserError('[request body.inputs.event.alertIds]: expected a non-empty list of { _id, _index }');
  }
  return refs;
}

export function registerRunWorkflowRoute(router: IRouter, deps: RouteDeps) {
  router.post(
    {
      path: WORKFLOW_RUN_API,
      security: WRITE_SECURITY,
      options: { access: 'public', summary: 'Run a workflow now' },
      validate: { params: idParams, body: schema.object({ inputs: inputsSchema, dryRun: schema.maybe(schema.boolean()) }) },
    },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows, alertRuns } = await deps.getServices();
        const { inputs, dryRun } = request.body;
        const spaceId = deps.getSpaceId(request);
        const alertRefs = alertRefsOf(inputs);
        if (alertRefs) {
          const { event: _event, ...otherInputs } = inputs ?? {};
          const alerts = await alertRuns.lookup(alertRefs, request);
          const first = alerts[0];
          const result = await alertRuns.start({
            spaceId,
            workflowId: request.params.id,
            event: buildAlertEvent({ alerts, rule: ruleOfAlert(first), spaceId }),
            inputs: otherInputs,
            request,
          });
          const workflowExecutionId = result.workflowRunIds[0] ?? result.skippedExecutionId;
          return response.ok({ body: { workflowExecutionId, workflowExecutionIds: result.workflowRunIds, skippedAlerts: result.skippedAlerts } });
        }
        const execution = await workflows.run(spaceId, request.params.id, { inputs, dryRun, triggeredBy: 'manual', request });
        return response.ok({ body: { workflowExecutionId: execution.id } });
      })
  );
}

export function registerTestWorkflowRoute(router: IRouter, deps: RouteDeps) {
  router.post(
    {
      path: WORKFLOW_TEST_API,
      security: WRITE_SECURITY,
      options: { access: 'public', summary: 'Run YAML as a test run (optionally a dry run)' },
      validate: {
        body: schema.object({
          yaml: schema.string({ minLength: 1, maxLength: 1024 * 1024 }),
          inputs: inputsSchema,
          event: schema.maybe(schema.recordOf(schema.string(), schema.any())),
          dryRun: schema.maybe(schema.boolean()),
          workflowId: schema.maybe(schema.string({ minLength: 1, maxLength: 256 })),
        }),
      },
    },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows } = await deps.getServices();
        const { yaml, ...options } = request.body;
        const execution = await workflows.test(deps.getSpaceId(request), yaml, { ...options, request });
        return response.ok({ body: { workflowExecutionId: execution.id } });
      })
  );
}

export function registerListExecutionsRoute(router: IRouter, deps: RouteDeps) {
  router.get(
    {
      path: WORKFLOW_EXECUTIONS_API,
      security: READ_SECURITY,
      options: { access: 'public', summary: "List a workflow's executions, newest first" },
      validate: {
        params: idParams,
        query: schema.object({ page: schema.number({ defaultValue: 1, min: 1 }), size: schema.number({ defaultValue: 20, min: 1, max: 1000 }) }),
      },
    },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows } = await deps.getServices();
        const { page, size } = request.query;
        return response.ok({ body: await workflows.listExecutions(deps.getSpaceId(request), request.params.id, page, size) });
      })
  );
}

export function registerGetExecutionRoute(router: IRouter, deps: RouteDeps) {
  router.get(
    { path: EXECUTION_API, security: READ_SECURITY, options: { access: 'public', summary: 'Get an execution with its step executions' }, validate: { params: executionParams } },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows } = await deps.getServices();
        return response.ok({ body: await workflows.getExecution(deps.getSpaceId(request), request.params.executionId) });
      })
  );
}

export function registerExecutionLogsRoute(router: IRouter, deps: RouteDeps) {
  router.get(
    { path: EXECUTION_LOGS_API, security: READ_SECURITY, options: { access: 'public', summary: "An execution's log lines" }, validate: { params: executionParams } },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows } = await deps.getServices();
        return response.ok({ body: { results: await workflows.getExecutionLogs(deps.getSpaceId(request), request.params.executionId) } });
      })
  );
}

export function registerCancelExecutionRoute(router: IRouter, deps: RouteDeps) {
  router.post(
    { path: EXECUTION_CANCEL_API, security: WRITE_SECURITY, options: { access: 'public', summary: 'Cancel a running or waiting execution' }, validate: { params: executionParams } },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { runs } = await deps.getServices();
        await runs.cancel(deps.getSpaceId(request), request.params.executionId);
        return response.ok({ body: { id: request.params.executionId, cancelled: true } });
      })
  );
}

export function registerResumeExecutionRoute(router: IRouter, deps: RouteDeps) {
  router.post(
    {
      path: EXECUTION_RESUME_API,
      security: WRITE_SECURITY,
      options: { access: 'public', summary: 'Answer a waitForInput / waitForApproval step' },
      validate: { params: executionParams, body: schema.object({ input: schema.maybe(schema.any()) }) },
    },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { runs } = await deps.getServices();
        await runs.resume(deps.getSpaceId(request), request.params.executionId, request.body.input ?? null, deps.getUsername(request));
        return response.ok({ body: { id: request.params.executionId, resumed: true } });
      })
  );
}
