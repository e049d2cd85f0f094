/*
 * One execution of one connector, with Kibana's action executor contract: invalid params, config
 * or secrets and a throwing executor all come back as `status: 'error'` results, never as throws.
 * Secrets are masked in everything that comes out: the result, the log lines, the executor's logger.
 */
import type { KibanaRequest, Logger } from '@kbn/core/server';
import type { ActionExecutionSource, ActionType, ActionTypeExecutorResult } from '@kbn/actions-plugin/server';
import { createRedactor, redactDeep } from './redact';
import { createRedactingLogger } from './redacting_logger';
import { validateConnector, validateParams } from './validation';

export interface RunExecutorOptions {
  actionType: ActionType;
  connector: { id: string; name: string; config: Record<string, unknown>; secrets: Record<string, unknown> };
  params: Record<string, unknown>;
  logger: Logger;
  request: KibanaRequest;
  services: Record<string, unknown>;
  signal?: AbortSignal;
  executionId?: string;
  source?: ActionExecutionSource;
  taskInfo?: { scheduled: Date; attempts: number };
}

export async function runExecutor(options: RunExecutorOptions): Promise<ActionTypeExecutorResult<unknown>> {
  const { actionType, connector, logger } = options;
  const redact = createRedactor(connector.secrets);
  const actionId = connector.id;
  let validated: { params: Record<string, unknown>; config: Record<string, unknown>; secrets: Record<string, unknown> };
  try {
    const params = validateParams(actionType, options.params);
    validated = { params, ...validateConnector(actionType, connector) };
  } catch (error) {
    return { actionId, status: 'error', message: redact((error as Error).message), retry: false, errorSource: 'user' };
  }

  const description = `${actionType.id}:${actionId}: ${connector.name}`;
  logger.debug(`executing action ${description}`);
  let result: ActionTypeExecutorResult<unknown>;
  try {
    result = await actionType.executor({
      actionId,
      ...validated,
      logger: createRedactingLogger(logger, redact),
      request: options.request,
      services: options.services,
      signal: options.signal,
      executionId: options.executionId,
      source: options.source,
      taskInfo: options.taskInfo,
    });
  } catch (error) {
    const serviceMessage = redact((error as Error).message);
    logger.warn(`action execution failure: ${description}: ${serviceMessage}`);
    return { actionId, status: 'error', message: 'an error occurred while running the action', serviceMessage, retry: true, errorSource: 'framework' };
  }
  const masked = redactDeep({ ...result, actionId }, redact);
  if (masked.status === 'error') logger.warn(`action execution failure: ${description}: ${masked.message}${masked.serviceMessage ? `: ${masked.serviceMessage}` : ''}`);
  return masked;
}
