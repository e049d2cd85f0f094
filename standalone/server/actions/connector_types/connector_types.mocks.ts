/* Runs a connector type the way the actions client does (validation, masking), for the type tests. */
import type { KibanaRequest, Logger } from '@kbn/core/server';
import type { ActionType } from '@kbn/actions-plugin/server';
import { LoggingSystem } from '../../logging';
import { runExecutor } from '../run_executor';

export const TEST_CONNECTOR_ID = 'connector-1';

export interface ExecuteTypeOptions {
  config?: Record<string, unknown>;
  secrets?: Record<string, unknown>;
  params: Record<string, unknown>;
  signal?: AbortSignal;
  executionId?: string;
  logger?: Logger;
}

export function captureLogs(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: new LoggingSystem({ level: 'all', write: (line) => lines.push(line) }).get('plugins', 'actions'), lines };
}

export function executeType(actionType: ActionType<any, any, any, any>, options: ExecuteTypeOptions) {
  return runExecutor({
    actionType: actionType as ActionType,
    connector: { id: TEST_CONNECTOR_ID, name: 'Test connector', config: options.config ?? {}, secrets: options.secrets ?? {} },
    params: options.params,
    logger: options.logger ?? captureLogs().logger,
    request: {} as KibanaRequest,
    services: {},
    signal: options.signal,
    executionId: options.executionId,
  });
}
