/* A tiny fake plugin's routes, registered through the real router, for the HTTP server tests. */
import { schema } from '@kbn/config-schema';
import type { IRouter } from '@kbn/core/server';
import { createUnconfiguredClient } from '../elasticsearch';
import { BasicAuthenticator } from '../auth';
import { LoggingSystem } from '../logging';
import { HttpServer } from './http_server';

export const ADMIN = { username: 'admin', password: 'admin-password' };
export const VIEWER = { username: 'viewer', password: 'viewer-password' };

export function registerFakeRoutes(router: IRouter, seen: { completed: string[]; aborted: string[] }) {
  const readOnly = { authz: { requiredPrivileges: ['things_read'] } };
  const writer = { authz: { requiredPrivileges: ['things_all'] } };

  router.get(
    {
      path: '/api/things/{id}',
      validate: { params: schema.object({ id: schema.string({ minLength: 3 }) }), query: schema.object({ verbose: schema.boolean({ defaultValue: false }), tag: schema.maybe(schema.arrayOf(schema.string())) }) },
      security: readOnly,
    },
    async (_context, request, response) => {
      request.events.completed$.subscribe(() => seen.completed.push(request.params.id));
      return response.ok({ body: { id: request.params.id, query: request.query, body: request.body, route: request.route.path, authenticated: request.auth.isAuthenticated } });
    }
  );
  router.get({ path: '/api/things/search', validate: false, security: readOnly }, async (_c, request, response) =>
    response.ok({ body: { route: 'search', params: request.params, query: request.query } })
  );
  router.post(
    { path: '/api/things', validate: { body: schema.object({ name: schema.string(), count: schema.number({ defaultValue: 1 }) }) }, security: writer },
    async (_c, request, response) => response.created({ body: request.body })
  );
  router.put(
    {
      path: '/api/things/{id}',
      validate: {
        body: (data, { ok, badRequest }) =>
          typeof (data as { color?: unknown })?.color === 'string' ? ok(data) : badRequest('color is required', ['color']),
      },
      security: { authz: { requiredPrivileges: [{ anyRequired: ['things_all', 'things_admin'] }] } },
    },
    async (_c, request, response) => response.ok({ body: request.body })
  );
  router.post({ path: '/api/things/{id}/fail', validate: false, security: writer }, async () => {
    throw new Error('boom');
  });
  router.post(
    { path: '/api/open', validate: false, security: { authz: { enabled: false, reason: 'test route' } }, options: { xsrfRequired: false } },
    async (_c, _r, response) => response.ok({ body: 'plain text' })
  );
  router.get(
    { path: '/api/errors/{kind}', validate: { params: schema.object({ kind: schema.string() }) }, security: readOnly },
    async (_c, request, response) => {
      switch (request.params.kind) {
        case 'not-found':
          return response.notFound();
        case 'conflict':
          return response.conflict({ body: { message: 'Version mismatch', attributes: { current: 3 } } });
        case 'teapot':
          return response.customError({ statusCode: 418, body: new Error('short and stout') });
        case 'bad':
          return response.badRequest({ body: 'Workflow is disabled' });
        case 'bypass':
          return response.custom({ statusCode: 422, body: { raw: true }, bypassErrorFormat: true });
        default:
          return response.noContent({ headers: { 'X-Kind': request.params.kind } });
      }
    }
  );
  router.get({ path: '/api/es', validate: false, security: readOnly }, async (context, _r, response) => {
    const { client } = (await context.core).elasticsearch;
    const message = await client.asCurrentUser.indices.exists({ index: 'x' }).then(
      () => 'resolved',
      (error: Error) => error.message
    );
    return response.ok({ body: { message } });
  });
  router.get(
    { path: '/api/anonymous', validate: false, security: { authz: { enabled: false, reason: 'test' }, authc: { enabled: false, reason: 'test' } } },
    async (_c, request, response) => response.ok({ body: { authenticated: request.auth.isAuthenticated } })
  );
  router.get({ path: '/api/slow', validate: false, security: readOnly }, async (_c, request, response) => {
    await new Promise<void>((resolve) => request.events.aborted$.subscribe(() => resolve()));
    seen.aborted.push(request.url.pathname);
    return response.ok({ body: 'too late' });
  });
  router.post(
    { path: '/api/small', validate: { body: schema.object({ text: schema.string() }) }, security: writer, options: { body: { maxBytes: 100 } } },
    async (_c, request, response) => response.ok({ body: request.body })
  );
}

export function createTestServer() {
  const lines: string[] = [];
  const logging = new LoggingSystem({ level: 'error', write: (line) => lines.push(line) });
  const authenticator = new BasicAuthenticator(ADMIN, [{ ...VIEWER, privileges: ['things_read'] }]);
  const client = createUnconfiguredClient();
  const server = new HttpServer({
    logger: logging.get('http'),
    authenticator,
    createContext: () => ({ core: Promise.resolve({ elasticsearch: { client: { asCurrentUser: client, asInternalUser: client } } }) }),
  });
  return { server, lines };
}
