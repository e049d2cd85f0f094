import { schema } from '@kbn/config-schema';
import type { IRouter } from '@kbn/core/server';
import { WORKFLOW_API, WORKFLOW_JSON_SCHEMA_API, WORKFLOWS_API, WORKFLOWS_SEARCH_API } from '../../common/api';
import { getWorkflowJsonSchema } from '../../common/spec';
import { handle, READ_SECURITY, WRITE_SECURITY, type RouteDeps } from './route_context';

const MAX_YAML_LENGTH = 1024 * 1024;
const idParams = schema.object({ id: schema.string({ minLength: 1, maxLength: 256 }) });

export function registerCreateWorkflowRoute(router: IRouter, deps: RouteDeps) {
  router.post(
    {
      path: WORKFLOWS_API,
      security: WRITE_SECURITY,
      options: { access: 'public', summary: 'Create a workflow from YAML' },
      validate: { body: schema.object({ yaml: schema.string({ minLength: 1, maxLength: MAX_YAML_LENGTH }) }) },
    },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows } = await deps.getServices();
        const created = await workflows.create(deps.getSpaceId(request), request.body.yaml, deps.getUsername(request), request);
        return response.ok({ body: created });
      })
  );
}

export function registerSearchWorkflowsRoute(router: IRouter, deps: RouteDeps) {
  router.post(
    {
      path: WORKFLOWS_SEARCH_API,
      security: READ_SECURITY,
      options: { access: 'public', summary: 'Search workflows' },
      validate: {
        body: schema.object(
          {
            query: schema.maybe(schema.string({ maxLength: 1000 })),
            enabled: schema.maybe(schema.boolean()),
            tags: schema.maybe(schema.arrayOf(schema.string({ maxLength: 256 }), { maxSize: 50 })),
            page: schema.number({ defaultValue: 1, min: 1 }),
            size: schema.number({ defaultValue: 20, min: 1, max: 1000 }),
            // Elastic's UI sends `limit`; accepted as another name for `size`.
            limit: schema.maybe(schema.number({ min: 1, max: 1000 })),
          }
        ),
      },
    },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows } = await deps.getServices();
        const { limit, size, ...rest } = request.body;
        return response.ok({ body: await workflows.search(deps.getSpaceId(request), { ...rest, size: limit ?? size }) });
      })
  );
}

export function registerGetWorkflowRoute(router: IRouter, deps: RouteDeps) {
  router.get(
    { path: WORKFLOW_API, security: READ_SECURITY, options: { access: 'public', summary: 'Get a workflow' }, validate: { params: idParams } },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows } = await deps.getServices();
        return response.ok({ body: await workflows.get(deps.getSpaceId(request), request.params.id) });
      })
  );
}

export function registerUpdateWorkflowRoute(router: IRouter, deps: RouteDeps) {
  router.put(
    {
      path: WORKFLOW_API,
      security: WRITE_SECURITY,
      options: { access: 'public', summary: 'Update a workflow (YAML and/or enabled)' },
      validate: {
        params: idParams,
        body: schema.object(
          {
            yaml: schema.maybe(schema.string({ minLength: 1, maxLength: MAX_YAML_LENGTH })),
            enabled: schema.maybe(schema.boolean()),
          },
          { validate: (body) => (body.yaml === undefined && body.enabled === undefined ? 'provide "yaml" and/or "enabled"' : undefined) }
        ),
      },
    },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows } = await deps.getServices();
        const updated = await workflows.update(deps.getSpaceId(request), request.params.id, request.body, deps.getUsername(request), request);
        return response.ok({ body: updated });
      })
  );
}

export function registerDeleteWorkflowRoute(router: IRouter, deps: RouteDeps) {
  router.delete(
    { path: WORKFLOW_API, security: WRITE_SECURITY, options: { access: 'public', summary: 'Delete a workflow' }, validate: { params: idParams } },
    async (_context, request, response) =>
      handle(response, deps.logger, async () => {
        const { workflows } = await deps.getServices();
        await workflows.delete(deps.getSpaceId(request), request.params.id);
        return response.ok({ body: { id: request.params.id, deleted: true } });
      })
  );
}

export function registerJsonSchemaRoute(router: IRouter, deps: RouteDeps) {
  router.get(
    { path: WORKFLOW_JSON_SCHEMA_API, security: READ_SECURITY, options: { access: 'public', summary: 'JSON Schema of the workflow language' }, validate: false },
    async (_context, _request, response) => handle(response, deps.logger, async () => response.ok({ body: getWorkflowJsonSchema() }))
  );
}
