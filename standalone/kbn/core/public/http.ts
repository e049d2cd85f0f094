export type HttpFetchQuery = Record<string, string | number | boolean | Array<string | number | boolean> | null | undefined>;

export interface HttpFetchOptions {
  query?: HttpFetchQuery;
  /** Sent as is: callers `JSON.stringify` their payloads, as in Kibana. */
  body?: BodyInit | null;
  headers?: Record<string, string>;
  method?: string;
  signal?: AbortSignal;
  asSystemRequest?: boolean;
  /** Resolve with `{ fetchOptions, request, response, body }` instead of the body alone. */
  asResponse?: boolean;
  /** Default true: the host's base path is put in front of `path`. */
  prependBasePath?: boolean;
  /** Sent as `elastic-api-version`. */
  version?: string;
}

export interface HttpFetchOptionsWithPath extends HttpFetchOptions {
  path: string;
}

export interface HttpResponse<TResponseBody = unknown> {
  fetchOptions: Readonly<HttpFetchOptionsWithPath>;
  request: Readonly<Request>;
  response?: Readonly<Response>;
  body?: TResponseBody;
}

/** What a failed request rejects with; `body` is Kibana's error body when the server sent JSON. */
export interface IHttpFetchError<
  TResponseBody = { statusCode: number; error?: string; message: string; attributes?: Record<string, unknown> },
> extends Error {
  readonly name: string;
  readonly request: Request;
  readonly response?: Response;
  readonly body?: TResponseBody;
}

export interface HttpHandler {
  <TResponseBody = unknown>(path: string, options: HttpFetchOptions & { asResponse: true }): Promise<HttpResponse<TResponseBody>>;
  <TResponseBody = unknown>(path: string, options?: HttpFetchOptions): Promise<TResponseBody>;
}

export interface IBasePath {
  get(): string;
  prepend(path: string): string;
  remove(path: string): string;
  readonly serverBasePath: string;
}

export interface HttpSetup {
  basePath: IBasePath;
  fetch: HttpHandler;
  get: HttpHandler;
  post: HttpHandler;
  put: HttpHandler;
  patch: HttpHandler;
  delete: HttpHandler;
  head: HttpHandler;
  options: HttpHandler;
}

export type HttpStart = HttpSetup;
