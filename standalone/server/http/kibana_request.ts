/*
 * KibanaRequest objects: the authenticated user stays on the host side (a WeakMap), as in Kibana
 * where plugins ask `core.security.authc.getCurrentUser(request)` instead of reading it off the request.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Subject, type Observable } from 'rxjs';
import type { KibanaRequest, KibanaRequestRoute } from '@kbn/core/server';
import type { HostUser } from '../auth';

const requestUsers = new WeakMap<object, HostUser>();

export const getRequestUser = (request: KibanaRequest): HostUser | undefined => requestUsers.get(request);

interface RequestInit<P, Q, B> {
  url: URL;
  route: KibanaRequestRoute;
  headers: Record<string, string | string[] | undefined>;
  user?: HostUser;
  isFakeRequest?: boolean;
  params: P;
  query: Q;
  body: B;
  aborted$: Observable<void>;
  completed$: Observable<void>;
}

class HostKibanaRequest<P, Q, B> implements KibanaRequest<P, Q, B> {
  readonly id: string;
  readonly uuid = randomUUID();
  readonly url: URL;
  readonly route: KibanaRequestRoute;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly isSystemRequest: boolean;
  readonly isFakeRequest: boolean;
  readonly isInternalApiRequest: boolean;
  readonly auth: { isAuthenticated: boolean };
  readonly events: { aborted$: Observable<void>; completed$: Observable<void> };
  readonly params: P;
  readonly query: Q;
  readonly body: B;

  constructor(init: RequestInit<P, Q, B>) {
    const opaqueId = init.headers['x-opaque-id'];
    this.id = typeof opaqueId === 'string' ? opaqueId : this.uuid;
    this.url = init.url;
    this.route = init.route;
    this.headers = init.headers;
    this.isSystemRequest = init.headers['kbn-system-request'] === 'true';
    this.isFakeRequest = init.isFakeRequest ?? false;
    this.isInternalApiRequest = init.headers['x-elastic-internal-origin'] !== undefined;
    this.auth = { isAuthenticated: init.user !== undefined };
    this.events = { aborted$: init.aborted$, completed$: init.completed$ };
    this.params = init.params;
    this.query = init.query;
    this.body = init.body;
    if (init.user) requestUsers.set(this, init.user);
  }
}

/**
 * `aborted$` emits when the client goes away before the response is complete (a cancelled
 * fetch); `completed$` emits once the exchange is over either way.
 */
export function createKibanaRequest<P, Q, B>(options: {
  raw: IncomingMessage;
  response: ServerResponse;
  url: URL;
  route: KibanaRequestRoute;
  user?: HostUser;
  params: P;
  query: Q;
  body: B;
}): KibanaRequest<P, Q, B> {
  const aborted$ = new Subject<void>();
  const completed$ = new Subject<void>();
  options.response.once('close', () => {
    if (!options.response.writableFinished) aborted$.next();
    completed$.next();
    aborted$.complete();
    completed$.complete();
  });
  return new HostKibanaRequest({
    ...options,
    headers: options.raw.headers,
    aborted$: aborted$.asObservable(),
    completed$: completed$.asObservable(),
  });
}

/** What Task Manager hands to a task scheduled with `{ request }`: the scheduling user, without a socket. */
export function createFakeRequest(user: HostUser, baseUrl = 'http://localhost', authorization?: string): KibanaRequest {
  const route: KibanaRequestRoute = { path: '/', method: 'get', options: {} };
  return new HostKibanaRequest({
    url: new URL('/', baseUrl),
    route,
    headers: authorization ? { authorization } : {},
    user,
    isFakeRequest: true,
    params: {},
    query: {},
    body: {},
    aborted$: new Subject<void>(),
    completed$: new Subject<void>(),
  });
}
