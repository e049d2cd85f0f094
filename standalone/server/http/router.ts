/* `core.http.createRouter()`: registers plugin routes into the server's route table. */
import type { IRouter, RequestHandler, RouteConfig, RouteMethod } from '@kbn/core/server';
import type { RouteTable } from './route_table';

export interface RouteEntry {
  method: RouteMethod;
  config: RouteConfig<unknown, unknown, unknown, RouteMethod>;
  handler: RequestHandler<unknown, unknown, unknown, any>;
}

export class Router implements IRouter {
  readonly routerPath = '';

  constructor(private readonly table: RouteTable<RouteEntry>) {}

  get: IRouter['get'] = (route, handler) => this.register('get', route, handler);
  post: IRouter['post'] = (route, handler) => this.register('post', route, handler);
  put: IRouter['put'] = (route, handler) => this.register('put', route, handler);
  patch: IRouter['patch'] = (route, handler) => this.register('patch', route, handler);
  delete: IRouter['delete'] = (route, handler) => this.register('delete', route, handler);

  private register(method: RouteMethod, route: RouteConfig<any, any, any, any>, handler: RequestHandler<any, any, any, any>): void {
    const name = `[${method.toUpperCase()} ${route.path}]`;
    // Kibana rejects these at start-up too; failing at registration points at the faulty route.
    if (route.validate === undefined) throw new Error(`Route ${name} must declare "validate" (false when it takes no input)`);
    const authz = route.security?.authz;
    if (!authz) throw new Error(`Route ${name} must declare "security.authz"`);
    if ('enabled' in authz && !authz.reason) throw new Error(`Route ${name} disables authorization without a reason`);
    if ('requiredPrivileges' in authz && authz.requiredPrivileges.length === 0) {
      throw new Error(`Route ${name} has an empty "security.authz.requiredPrivileges"`);
    }
    this.table.add(method, route.path, { method, config: route, handler });
  }
}
