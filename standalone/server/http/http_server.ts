/*
 * The host's HTTP server on node:http. A request goes through the same stages, in the same
 * order, as in Kibana (hapi's lifecycle): route lookup, authentication (401), payload parsing
 * (413/400/415), the xsrf check (400), route authorization (403), input validation (400), and
 * the handler, whose throw becomes a logged 500.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IRouter, KibanaRequest, Logger, RequestHandlerContext, RouteMethod, RouteSecurity } from '@kbn/core/server';
import { AUTH_REALM, type BasicAuthenticator, type HostUser } from '../auth';
import { checkRouteAuthz, unauthorizedMessage } from './authz';
import { DEFAULT_MAX_BODY_BYTES, HttpError, parseQuery, readBody } from './body';
import { createKibanaRequest } from './kibana_request';
import { isKibanaResponse, kibanaResponseFactory } from './response_factory';
import { Router, type RouteEntry } from './router';
import { RouteTable, type RouteMatch } from './route_table';
import { sendError, sendKibanaResponse } from './send';
import { RouteValidationError, validateRequestParts } from './validation';

/** Host-owned endpoints outside the plugin router: status, bundles, the page chrome. */
export interface RawRoute {
  matches(method: string, pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void>;
  authRequired: boolean;
  availableBeforeReady?: boolean;
}

export interface HttpServerOptions {
  logger: Logger;
  authenticator: Pick<BasicAuthenticator, 'authenticate'>;
  createContext(request: KibanaRequest): RequestHandlerContext;
  maxBodyBytes?: number;
}

/**
 * The Host header gives handlers the URL the client used (a malformed one falls back to
 * localhost). Concatenated rather than resolved so `//other/x` stays a path, not a host.
 */
function requestUrl(req: IncomingMessage): URL {
  const path = req.url?.startsWith('/') ? req.url : `/${req.url ?? ''}`;
  try {
    return new URL(`http://${req.headers.host ?? 'localhost'}${path}`);
  } catch {
    return new URL(`http://localhost${path}`);
  }
}

/** `minimal` authentication still needs a user; only `false` and `optional` let anonymous requests through. */
function authModeOf(authc: RouteSecurity['authc']): 'none' | 'optional' | 'required' {
  if (authc?.enabled === false) return 'none';
  return authc?.enabled === 'optional' ? 'optional' : 'required';
}

const ROUTE_METHODS = new Set<string>(['get', 'post', 'put', 'patch', 'delete']);
const XSRF_HEADERS = ['kbn-xsrf', 'kbn-version'];
const SHUTDOWN_GRACE_MS = 3000;

export class HttpServer {
  private readonly routes = new RouteTable<RouteEntry>();
  private readonly rawRoutes: RawRoute[] = [];
  private readonly server: Server;
  private ready = false;

  constructor(private readonly options: HttpServerOptions) {
    this.server = createServer((req, res) => {
      this.dispatch(req, res).catch((error: Error) => {
        options.logger.error(error);
        if (!res.headersSent) sendError(res, 500, 'An internal server error occurred.');
        else res.destroy();
      });
    });
  }

  createRouter(): IRouter {
    return new Router(this.routes);
  }

  addRawRoute(route: RawRoute): void {
    this.rawRoutes.push(route);
  }

  /** While not ready only routes marked `availableBeforeReady` answer; the rest get 503, as in Kibana while it starts or stops. */
  setReady(ready = true): void {
    this.ready = ready;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new Error(`Port ${port} on ${host} is already in use: stop the other process or choose another port with --port (or PORT)`)
            : error
        );
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops accepting connections and lets requests in flight finish for a short grace period. */
  async stop(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const grace = setTimeout(() => this.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await closed;
    clearTimeout(grace);
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    const method = (req.method ?? 'GET').toLowerCase();
    const routeMethod = method === 'head' ? 'get' : method;
    const match = ROUTE_METHODS.has(routeMethod) ? this.routes.match(routeMethod as RouteMethod, url.pathname) : undefined;
    const raw = match ? undefined : this.rawRoutes.find((route) => route.matches(method, url.pathname));

    if (!this.ready && !raw?.availableBeforeReady) {
      sendError(res, 503, 'Kibana server is not ready yet');
      return;
    }

    const authMode = raw ? (raw.authRequired ? 'required' : 'none') : authModeOf(match?.entry.config.security.authc);
    const user = authMode === 'none' ? undefined : this.options.authenticator.authenticate(req.headers.authorization);
    if (!user && authMode === 'required') {
      const message = req.headers.authorization ? 'Invalid username or password' : 'Unauthorized';
      sendError(res, 401, message, { 'www-authenticate': `Basic realm="${AUTH_REALM}", charset="UTF-8"` });
      return;
    }

    if (raw) await raw.handle(req, res, url);
    else if (match) await this.handleRoute(match, { req, res, url, user });
    else sendError(res, 404);
  }

  private async handleRoute(
    { entry, params }: RouteMatch<RouteEntry>,
    { req, res, url, user }: { req: IncomingMessage; res: ServerResponse; url: URL; user?: HostUser }
  ): Promise<void> {
    const { method, config, handler } = entry;
    let body: unknown;
    try {
      body = method === 'get' ? undefined : await readBody(req, config.options?.body?.maxBytes ?? this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendError(res, error.statusCode, error.message, error.statusCode === 413 ? { connection: 'close' } : {});
      return;
    }

    if (method !== 'get' && config.options?.xsrfRequired !== false && !XSRF_HEADERS.some((name) => req.headers[name] !== undefined)) {
      sendError(res, 400, 'Request must contain a kbn-xsrf header.');
      return;
    }

    const authz = checkRouteAuthz(config.security, user);
    if (!authz.authorized) {
      sendError(res, 403, unauthorizedMessage(method, `${url.pathname}${url.search}`, authz.missing));
      return;
    }

    let validated: ReturnType<typeof validateRequestParts>;
    try {
      validated = validateRequestParts(config.validate, { params, query: parseQuery(url.searchParams), body });
    } catch (error) {
      if (!(error instanceof RouteValidationError)) throw error;
      sendError(res, 400, error.message);
      return;
    }

    const request = createKibanaRequest({
      raw: req,
      response: res,
      url,
      route: { path: config.path, method, options: { ...(config.options ?? {}) } },
      user,
      ...validated,
    });
    const response = await handler(this.options.createContext(request), request, kibanaResponseFactory);
    if (!isKibanaResponse(response)) {
      throw new Error(`Unexpected result from Route Handler [${method.toUpperCase()} ${config.path}]. Expected KibanaResponse, but given: ${typeof response}`);
    }
    if (!res.destroyed) sendKibanaResponse(res, response);
  }
}
