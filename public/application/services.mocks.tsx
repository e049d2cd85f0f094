/* Test doubles for the app's services: an `http` that answers from a table of canned responses
 * and records every call, a history that records navigation, and toasts that record what was shown. */
import './test_setup.mocks';
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import type { HttpFetchOptions, HttpStart, NotificationsStart, ScopedHistory } from '@kbn/core/public';
import { WorkflowsApi } from './lib/api';
import { ServicesProvider, type WorkflowsServices } from './services';

export interface RecordedCall {
  method: string;
  path: string;
  body?: unknown;
}

/** Keyed by `METHOD path`; a function gets the parsed body. Unknown requests reject like a 404. */
export type FakeRoutes = Record<string, unknown | ((body: unknown) => unknown)>;

export const createFakeHttp = (routes: FakeRoutes) => {
  const calls: RecordedCall[] = [];
  const handler =
    (method: string) =>
    async (path: string, options: HttpFetchOptions = {}) => {
      const body = typeof options.body === 'string' ? JSON.parse(options.body) : undefined;
      calls.push({ method, path, ...(body === undefined ? {} : { body }) });
      const key = `${method} ${path}`;
      if (!(key in routes)) {
        throw Object.assign(new Error('Not Found'), {
          body: { statusCode: 404, error: 'Not Found', message: `no canned response for ${key}` },
        });
      }
      const response = routes[key];
      return typeof response === 'function' ? (response as (body: unknown) => unknown)(body) : response;
    };
  const http = {
    basePath: { get: () => '', prepend: (path: string) => path, remove: (path: string) => path, serverBasePath: '' },
    get: handler('GET'),
    post: handler('POST'),
    put: handler('PUT'),
    delete: handler('DELETE'),
  } as unknown as HttpStart;
  return { http, calls };
};

export const createFakeHistory = () => {
  const pushed: string[] = [];
  const history = {
    location: { pathname: '/', search: '', hash: '', state: undefined },
    push: (path: string) => pushed.push(path),
    replace: (path: string) => pushed.push(path),
    listen: () => () => {},
    createHref: ({ pathname = '' }: { pathname?: string }) => `/app/workflows${pathname}`,
  } as unknown as ScopedHistory;
  return { history, pushed };
};

export const createFakeToasts = () => {
  const shown: Array<{ kind: string; title: unknown }> = [];
  const record = (kind: string) => (input: string | { title?: unknown }) => {
    shown.push({ kind, title: typeof input === 'string' ? input : input.title });
    return { id: String(shown.length) };
  };
  const notifications = {
    toasts: {
      add: record('add'),
      addSuccess: record('success'),
      addInfo: record('info'),
      addWarning: record('warning'),
      addDanger: record('danger'),
      addError: (_error: Error, { title }: { title: string }) => record('error')({ title }),
      remove: () => {},
    },
  } as unknown as NotificationsStart;
  return { notifications, shown };
};

export const renderWithServices = (ui: ReactNode, routes: FakeRoutes) => {
  const { http, calls } = createFakeHttp(routes);
  const { history, pushed } = createFakeHistory();
  const { notifications, shown } = createFakeToasts();
  const services: WorkflowsServices = { api: new WorkflowsApi(http), http, notifications, history, onAppLeave: () => {} };
  const result = render(
    <EuiProvider colorMode="light">
      <ServicesProvider services={services}>{ui}</ServicesProvider>
    </EuiProvider>,
  );
  return { ...result, calls, pushed, toasts: shown };
};
