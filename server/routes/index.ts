import type { IRouter } from '@kbn/core/server';
import type { RouteDeps } from './route_context';
import {
  registerCreateWorkflowRoute,
  registerDeleteWorkflowRoute,
  registerGetWorkflowRoute,
  registerJsonSchemaRoute,
  registerSearchWorkflowsRoute,
  registerUpdateWorkflowRoute,
} from './workflows_routes';
import {
  registerCancelExecutionRoute,
  registerExecutionLogsRoute,
  registerGetExecutionRoute,
  registerListExecutionsRoute,
  registerResumeExecutionRoute,
  registerRunWorkflowRoute,
  registerTestWorkflowRoute,
} from './executions_routes';

export type { RouteDeps } from './route_context';

export function registerRoutes(router: IRouter, deps: RouteDeps) {
  // The schema route's static path must be registered before `{id}` routes in routers that match in order.
  registerJsonSchemaRoute(router, deps);
  registerSearchWorkflowsRoute(router, deps);
  registerCreateWorkflowRoute(router, deps);
  registerGetWorkflowRoute(router, deps);
  registerUpdateWorkflowRoute(router, deps);
  registerDeleteWorkflowRoute(router, deps);
  registerTestWorkflowRoute(router, deps);
  registerRunWorkflowRoute(router, deps);
  registerListExecutionsRoute(router, deps);
  registerGetExecutionRoute(router, deps);
  registerExecutionLogsRoute(router, deps);
  registerCancelExecutionRoute(router, deps);
  registerResumeExecutionRoute(router, deps);
}
