/** What every route handler needs, and the mapping of service errors to Kibana responses. */
import type { IKibanaResponse, KibanaRequest, KibanaResponseFactory, Logger, RouteSecurity } from '@kbn/core/server';
import { API_PRIVILEGES } from '../../common/api';
import { ConflictError, NotFoundError, UserError } from '../../common/errors';
import type { PluginServices } from '../services/create_plugin_services';

export interface RouteDeps {
  logger: Logger;
  /** Resolves once the plugin has started (routes are registered in setup, served after start). */
  getServices(): Promise<Pick<PluginServices, 'workflows' | 'runs' | 'alertRuns'>>;
  getSpaceId(request: KibanaRequest): string;
  getUsername(request: KibanaRequest): string;
}

export const READ_SECURITY: RouteSecurity = { authz: { requiredPrivileges: [API_PRIVILEGES.read] } };
export const WRITE_SECURITY: RouteSecurity = { authz: { requiredPrivileges: [API_PRIVILEGES.all] } };

/** Turns the service's error classes into 400/404/409 responses; anything else is a 500. */
export async function handle(
  response: KibanaResponseFactory,
  logger: Logger,
  work: () => Promise<IKibanaResponse<any>>
): Promise<IKibanaResponse<any>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserError) return response.badRequest({ body: { message: error.message, attributes: error.attributes } });
    if (error instanceof NotFoundError) return response.notFound({ body: { message: error.message } });
    if (error instanceof ConflictError) return response.conflict({ body: { message: error.message } });
    logger.error(error as Error);
    throw error;
  }
}
