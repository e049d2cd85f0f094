/**
 * The failure of an HTTP-based step (http, kibana.request, Kibana actions, cases): one message
 * format everywhere, and `details.statusCode` so that retry conditions such as
 * `error.details.statusCode >= 500` work the same for all of them.
 */
import { STATUS_CODES } from 'node:http';

const EXCERPT_LENGTH = 200;
/** Error pages can be large HTML documents; the record keeps enough of them to diagnose. */
const MAX_TEXT_DETAIL = 4000;

export type StepError = Error & { details?: Record<string, unknown> };

export const stepError = (message: string, details?: Record<string, unknown>): StepError =>
  Object.assign(new Error(message), details ? { details } : {});

const asText = (body: unknown): string => (typeof body === 'string' ? body : body == null ? '' : JSON.stringify(body));

/** `HTTP 503 Service Unavailable from GET https://host/path: <first 200 characters of the body>` */
export function responseError(options: { method: string; target: string; status: number; statusText?: string; body: unknown }): StepError {
  const { method, target, status, body } = options;
  const statusText = options.statusText || STATUS_CODES[status] || '';
  const text = asText(body).trim();
  const excerpt = text ? `: ${text.slice(0, EXCERPT_LENGTH)}` : '';
  return stepError(`HTTP ${status}${statusText ? ` ${statusText}` : ''} from ${method} ${target}${excerpt}`, {
    statusCode: status,
    body: typeof body === 'string' && body.length > MAX_TEXT_DETAIL ? body.slice(0, MAX_TEXT_DETAIL) : body,
  });
}

/**
 * Response bodies as Elastic's steps expose them: JSON when it parses (many APIs send JSON as
 * text/plain), otherwise the text; an empty body is null.
 */
export function parseBody(text: string, contentType: string | null | undefined): unknown {
  if (text === '') return null;
  const trimmed = text.trimStart();
  if (/json/i.test(contentType ?? '') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
