/*
 * The `core` the plugin receives: setup and start contracts over the host's HTTP server and
 * Elasticsearch client, plus the per-request handler context (`(await context.core).elasticsearch`).
 */
import type { AuthenticatedUser, CoreStart, IRouter, KibanaRequest, RequestHandlerContext } from '@kbn/core/server';
import type { HostClusterClient } from './elasticsearch';
import type { HttpServer } from './http/http_server';
import { getRequestUser } from './http/kibana_request';
import type { CoreSetupWithoutStartServices } from './plugin_host';

export function createCoreContracts(options: { http: HttpServer; clusterClient: HostClusterClient; publicBaseUrl: string }): {
  setup: CoreSetupWithoutStartServices;
  start: CoreStart;
} {
  const basePath = { serverBasePath: '', publicBaseUrl: options.publicBaseUrl, get: () => '' };
  return {
    setup: {
      http: { createRouter: <Ctx extends RequestHandlerContext>() => options.http.createRouter() as unknown as IRouter<Ctx>, basePath },
      elasticsearch: {},
    },
    start: {
      http: { basePath },
      elasticsearch: { client: options.clusterClient },
      security: { authc: { getCurrentUser } },
    },
  };
}

function getCurrentUser(request: KibanaRequest): AuthenticatedUser | null {
  const user = getRequestUser(request);
  return user ? { username: user.username, roles: [...user.roles] } : null;
}

export function createRequestContext(request: KibanaRequest, clusterClient: HostClusterClient): RequestHandlerContext {
  const core = Promise.resolve({ elasticsearch: { client: clusterClient.asScoped(request) } });
  const providers: Record<string, Promise<unknown>> = { core };
  return {
    core,
    resolve: async (parts) => Object.fromEntries(await Promise.all(parts.map(async (part) => [part, await providers[part]]))),
  };
}
