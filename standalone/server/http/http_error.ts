/*
 * Host services (cases, rules, alerts) throw errors that carry the HTTP status to answer with,
 * as Kibana's services throw Boom errors; routes turn them into error responses. Anything
 * without a 4xx/5xx status stays a bug: it propagates and becomes a logged 500.
 */
import type { IKibanaResponse, KibanaResponseFactory } from '@kbn/core/server';

export class HttpStatusError extends Error {
  constructor(
    readonly statusCode: number,
    message: string
  ) {
    super(message);
    this.name = 'HttpStatusError';
  }
}

export const badRequest = (message: string) => new HttpStatusError(400, message);
export const forbidden = (message: string) => new HttpStatusError(403, message);
export const notFound = (message: string) => new HttpStatusError(404, message);
export const conflict = (message: string) => new HttpStatusError(409, message);

/** Also honours `statusCode` on errors from elsewhere (the actions client's 404, the plugin's UserError). */
export function statusCodeOf(error: unknown): number | undefined {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600 ? statusCode : undefined;
}

export async function respond(response: KibanaResponseFactory, work: () => Promise<IKibanaResponse<any>>): Promise<IKibanaResponse<any>> {
  try {
    return await work();
  } catch (error) {
    const statusCode = statusCodeOf(error);
    if (statusCode === undefined) throw error;
    return response.customError({ statusCode, body: { message: (error as Error).message } });
  }
}
