/*
 * Kibana's `kibanaResponseFactory` and the wire format of its error responses:
 * `{ statusCode, error: '<HTTP reason>', message, attributes? }`.
 */
import { STATUS_CODES } from 'node:http';
import type {
  CustomHttpResponseOptions,
  HttpResponseOptions,
  IKibanaResponse,
  KibanaResponseFactory,
  ResponseError,
} from '@kbn/core/server';

export class KibanaResponse<T = unknown> implements IKibanaResponse<T> {
  constructor(
    readonly status: number,
    readonly payload?: T,
    readonly options: HttpResponseOptions<T> = {}
  ) {}
}

export const isKibanaResponse = (value: unknown): value is KibanaResponse => value instanceof KibanaResponse;

const success =
  (status: number) =>
  <T>(options: HttpResponseOptions<T> = {}) =>
    new KibanaResponse<T>(status, options.body, options);

const failure =
  (status: number) =>
  (options: HttpResponseOptions<ResponseError> = {}) =>
    new KibanaResponse(status, options.body, options);

export const kibanaResponseFactory: KibanaResponseFactory = {
  ok: success(200),
  created: success(201),
  accepted: success(202),
  noContent: (options = {}) => new KibanaResponse(204, undefined, options),
  redirected: (options) => new KibanaResponse(302, options.body, options),
  badRequest: failure(400),
  unauthorized: failure(401),
  forbidden: failure(403),
  notFound: failure(404),
  conflict: failure(409),
  unprocessableContent: failure(422),
  customError: (options: CustomHttpResponseOptions<ResponseError>) => {
    if (options.statusCode < 400) throw new Error(`Unexpected Http status code. Expected from 400 to 599, but given: ${options.statusCode}`);
    return new KibanaResponse(options.statusCode, options.body, options);
  },
  custom: <T>(options: CustomHttpResponseOptions<T>) => new KibanaResponse<T>(options.statusCode, options.body, options),
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  attributes?: Record<string, unknown>;
}

export function errorBody(statusCode: number, message?: string, attributes?: Record<string, unknown>): ErrorBody {
  const error = STATUS_CODES[statusCode] ?? 'Unknown';
  return { statusCode, error, message: message ?? error, ...(attributes ? { attributes } : {}) };
}

/** How Kibana turns a `ResponseError` payload into the wire body. */
export function formatErrorPayload(statusCode: number, payload: unknown): ErrorBody {
  if (payload === undefined || payload === null) return errorBody(statusCode);
  if (typeof payload === 'string') return errorBody(statusCode, payload);
  if (payload instanceof Error) return errorBody(statusCode, payload.message);
  if (typeof payload === 'object' && 'message' in payload) {
    const { message, attributes } = payload as { message: unknown; attributes?: Record<string, unknown> };
    return errorBody(statusCode, message instanceof Error ? message.message : String(message), attributes);
  }
  return errorBody(statusCode, JSON.stringify(payload));
}
