import type { Type } from '@kbn/config-schema';

export type RouteMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type RouteValidationSpec<T> =
  | Type<T>
  | ((data: unknown, factory: { ok(value: T): { value: T }; badRequest(error: Error | string, path?: string[]): { error: Error } }) =>
      | { value: T }
      | { error: Error });

export interface RouteValidatorConfig<P, Q, B> {
  params?: RouteValidationSpec<P>;
  query?: RouteValidationSpec<Q>;
  body?: RouteValidationSpec<B>;
}

export interface RouteSecurity {
  authz: { requiredPrivileges: Array<string | { anyRequired?: string[]; allRequired?: string[] }> } | { enabled: false; reason: string };
  authc?: { enabled: true } | { enabled: false | 'optional' | 'minimal'; reason: string };
}

export interface RouteConfig<P, Q, B, M extends RouteMethod = RouteMethod> {
  path: string;
  validate: RouteValidatorConfig<P, Q, B> | false;
  security: RouteSecurity;
  options?: {
    access?: 'public' | 'internal';
    xsrfRequired?: M extends 'get' ? never : boolean;
    tags?: readonly string[];
    summary?: string;
    description?: string;
    body?: { maxBytes?: number };
  };
}

export interface KibanaRequestRoute {
  path: string;
  method: RouteMethod;
  options: Record<string, unknown>;
}

export interface KibanaRequest<P = unknown, Q = unknown, B = unknown> {
  readonly id: string;
  readonly uuid: string;
  readonly url: URL;
  readonly route: KibanaRequestRoute;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly isSystemRequest: boolean;
  readonly isFakeRequest: boolean;
  readonly isInternalApiRequest: boolean;
  readonly auth: { isAuthenticated: boolean };
  readonly events: { aborted$: import('rxjs').Observable<void>; completed$: import('rxjs').Observable<void> };
  readonly params: P;
  readonly query: Q;
  readonly body: B;
}

export type ResponseErrorAttributes = Record<string, unknown>;
export type ResponseError = string | Error | { message: string | Error; attributes?: ResponseErrorAttributes };

export interface HttpResponseOptions<T = unknown> {
  body?: T;
  headers?: Record<string, string | string[]>;
  bypassErrorFormat?: boolean;
}
export interface CustomHttpResponseOptions<T = unknown> extends HttpResponseOptions<T> {
  statusCode: number;
}

export interface IKibanaResponse<T = unknown> {
  readonly status: number;
  readonly payload?: T;
  readonly options: HttpResponseOptions<T>;
}

export interface KibanaResponseFactory {
  ok<T>(options?: HttpResponseOptions<T>): IKibanaResponse<T>;
  created<T>(options?: HttpResponseOptions<T>): IKibanaResponse<T>;
  accepted<T>(options?: HttpResponseOptions<T>): IKibanaResponse<T>;
  noContent(options?: HttpResponseOptions): IKibanaResponse;
  redirected(options: HttpResponseOptions & { headers: { location: string } }): IKibanaResponse;
  badRequest(options?: HttpResponseOptions<ResponseError>): IKibanaResponse;
  unauthorized(options?: HttpResponseOptions<ResponseError>): IKibanaResponse;
  forbidden(options?: HttpResponseOptions<ResponseError>): IKibanaResponse;
  notFound(options?: HttpResponseOptions<ResponseError>): IKibanaResponse;
  conflict(options?: HttpResponseOptions<ResponseError>): IKibanaResponse;
  unprocessableContent(options?: HttpResponseOptions<ResponseError>): IKibanaResponse;
  customError(options: CustomHttpResponseOptions<ResponseError>): IKibanaResponse;
  custom<T>(options: CustomHttpResponseOptions<T>): IKibanaResponse<T>;
}

export interface RequestHandlerContext {
  core: Promise<{
    elasticsearch: { client: import('./plugin').IScopedClusterClient };
  }>;
  resolve?(parts: string[]): Promise<unknown>;
}

export type RequestHandler<P = unknown, Q = unknown, B = unknown, Ctx extends RequestHandlerContext = RequestHandlerContext> = (
  context: Ctx,
  request: KibanaRequest<P, Q, B>,
  response: KibanaResponseFactory
) => IKibanaResponse<any> | Promise<IKibanaResponse<any>>;

type RouteRegistrar<M extends RouteMethod, Ctx extends RequestHandlerContext> = <P, Q, B>(
  route: RouteConfig<P, Q, B, M>,
  handler: RequestHandler<P, Q, B, Ctx>
) => void;

export interface IRouter<Ctx extends RequestHandlerContext = RequestHandlerContext> {
  readonly routerPath: string;
  get: RouteRegistrar<'get', Ctx>;
  post: RouteRegistrar<'post', Ctx>;
  put: RouteRegistrar<'put', Ctx>;
  patch: RouteRegistrar<'patch', Ctx>;
  delete: RouteRegistrar<'delete', Ctx>;
}
