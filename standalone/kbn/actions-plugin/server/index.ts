/* The slice of Kibana's actions plugin contracts (x-pack/platform/plugins/shared/actions) the plugin uses. */
import type { KibanaRequest, Logger } from '@kbn/core/server';

export type LicenseType = 'basic' | 'standard' | 'gold' | 'platinum' | 'enterprise' | 'trial';

export const AlertingConnectorFeatureId = 'alerting';
export const CasesConnectorFeatureId = 'cases';
export const SecurityConnectorFeatureId = 'siem';
export const GenerativeAIForSecurityConnectorFeatureId = 'generativeAIForSecurity';

export interface ValidatorType<T> {
  schema: { validate(value: unknown): T };
  customValidator?: (value: T) => void;
}

export interface ActionTypeExecutorResult<Data = unknown> {
  actionId: string;
  status: 'ok' | 'error';
  message?: string;
  serviceMessage?: string;
  data?: Data;
  retry?: null | boolean | Date;
  errorSource?: 'framework' | 'user';
}

export interface ActionTypeExecutorOptions<Config, Secrets, Params> {
  actionId: string;
  params: Params;
  config: Config;
  secrets: Secrets;
  logger: Logger;
  request?: KibanaRequest;
  services: Record<string, unknown>;
  taskInfo?: { scheduled: Date; attempts: number };
}

export interface ActionType<Config = Record<string, unknown>, Secrets = Record<string, unknown>, Params = Record<string, unknown>, Data = unknown> {
  id: string;
  name: string;
  minimumLicenseRequired: LicenseType;
  supportedFeatureIds: string[];
  isSystemActionType?: boolean;
  validate: {
    params: ValidatorType<Params>;
    config: ValidatorType<Config>;
    secrets: ValidatorType<Secrets>;
  };
  executor(options: ActionTypeExecutorOptions<Config, Secrets, Params>): Promise<ActionTypeExecutorResult<Data>>;
}

export interface ActionsClient {
  execute(options: { actionId: string; params: Record<string, unknown>; signal?: AbortSignal; executionId?: string; spaceId?: string }): Promise<ActionTypeExecutorResult<unknown>>;
  getAll(options?: { includeSystemActions?: boolean }): Promise<Array<{ id: string; name: string; actionTypeId: string; isSystemAction?: boolean }>>;
}

export interface PluginSetupContract {
  registerType<Config = any, Secrets = any, Params = any, Data = any>(actionType: ActionType<Config, Secrets, Params, Data>): void;
}

export interface PluginStartContract {
  getActionsClientWithRequest(request: KibanaRequest): Promise<ActionsClient>;
  isActionTypeEnabled(id: string): boolean;
}
