import type { HttpFetchOptions, HttpFetchQuery, HttpHandler, HttpSetup, IBasePath, IHttpFetchError } from '@kbn/core/public';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class HttpFetchError extends Error implements IHttpFetchError {
  constructor(
    message: string,
    public readonly name: string,
    public readonly request: Request,
    public readonly response?: Response,
    public readonly body?: IHttpFetchError['body'],
  ) {
    super(message);
  }
}

const withQuery = (url: string, query: HttpFetchQuery | undefined): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined) params.append(key, String(item));
    }
  }
  const search = params.toString();
  return search ? `${url}${url.includes('?') ? '&' : '?'}${search}` : url;
};

const readBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (text === '') return undefined;
  return (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
};

/**
 * Kibana's http service over `fetch`: JSON by default, `kbn-xsrf` on every write (the server refuses
 * writes without it), and failures rejected as `IHttpFetchError` carrying the server's error body.
 */
export const createHttp = (
  basePath: IBasePath,
  { origin = window.location.origin, fetchImpl = (input, init) => fetch(input, init) }: { origin?: string; fetchImpl?: typeof fetch } = {},
): HttpSetup => {
  const send = async (path: string, options: HttpFetchOptions = {}) => {
    const { query, body, headers, signal, asResponse, prependBasePath = true, version } = options;
    const method = (options.method ?? 'GET').toUpperCase();
    const url = new URL(withQuery(prependBasePath ? basePath.prepend(path) : path, query), origin);
    const request = new Request(url, {
      method,
      body,
      signal,
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        ...(READ_METHODS.has(method) ? {} : { 'kbn-xsrf': 'true' }),
        ...(version ? { 'elastic-api-version': version } : {}),
        ...headers,
      },
    });

    let response: Response;
    try {
      response = await fetchImpl(request);
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error));
      throw new HttpFetchError(cause.message, cause.name, request);
    }
    const responseBody = await readBody(response).catch(() => undefined);
    if (!response.ok) {
      const errorBody = typeof responseBody === 'object' && responseBody !== null ? (responseBody as IHttpFetchError['body']) : undefined;
      throw new HttpFetchError(errorBody?.message ?? response.statusText, 'Error', request, response, errorBody);
    }
    return asResponse ? { fetchOptions: { ...options, path }, request, response, body: responseBody } : responseBody;
  };

  const withMethod = (method: string) => ((path: string, options?: HttpFetchOptions) => send(path, { ...options, method })) as HttpHandler;

  return {
    basePath,
    fetch: ((path: string, options?: HttpFetchOptions) => send(path, options)) as HttpHandler,
    get: withMethod('GET'),
    post: withMethod('POST'),
    put: withMethod('PUT'),
    patch: withMethod('PATCH'),
    delete: withMethod('DELETE'),
    head: withMethod('HEAD'),
    options: withMethod('OPTIONS'),
  };
};
