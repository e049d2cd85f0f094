import { schema } from '@kbn/config-schema';
import type { IRouter } from '@kbn/core/server';
import { EXECUTION_API, WORKFLOW_EXECUTIONS_API, WORKFLOW_RUN_API } from '../../common/api';
import { handle, READ_SECURITY, WRITE_SECURITY, type RouteDeps } from './route_context';

const idParams = schema.object({ id: schema.string({ minLength: 1, maxLength: 256 }) });

export function registerRunWorkflowRoute(router: IRouter, deps: RouteDeps) {
  router.post(
    {
      path: WORKFLOW_RUN_API,
      security: WRITE_SECURITY,
      options: { access: 'public', summary: 'Run a workflow now' },
      validate: {
        params: idParams,
        body: schema.object({ inputs: schema.maybe(schema.recordOf(schema.string(), schema.any())) }),
      },
    },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows } = await deps.getServices();
        const execution = await workflows.run(deps.getSpaceId(request), request.params.id, {
          inputs: request.body.inputs,
          triggeredBy: 'manual',
        });
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
    {
      path: EXECUTION_API,
      security: READ_SECURITY,
      options: { access: 'public', summary: 'Get an execution with its step executions' },
      validate: { params: schema.object({ executionId: schema.string({ minLength: 1, maxLength: 256 }) }) },
    },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows } = await deps.getServices();
        return response.ok({ body: await workflows.getExecution(deps.getSpaceId(request), request.params.executionId) });
      })
  );
}
