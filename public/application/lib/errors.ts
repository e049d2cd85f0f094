import type { ValidationFinding } from '../../../common/api';

interface ErrorWithBody {
  message?: string;
  body?: { message?: string; attributes?: { findings?: ValidationFinding[] } };
}

/** The server's own message when there is one (Kibana's error body), else the error's. */
export const errorMessage = (error: unknown): string => {
  const { body, message } = (error ?? {}) as ErrorWithBody;
  return body?.message ?? message ?? String(error);
};

/** Findings the server attached to a rejected save, with their source positions. */
export const errorFindings = (error: unknown): ValidationFinding[] =>
  (error as ErrorWithBody | undefined)?.body?.attributes?.findings ?? [];
