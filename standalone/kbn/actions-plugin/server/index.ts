/*
 * The slice of Kibana's actions plugin contracts (x-pack/platform/plugins/shared/actions) the plugin
 * uses, in Kibana 9.x shapes. Members marked "host extension" do not exist in Kibana: plugin code
 * must treat them as optional so it keeps working there.
 */
import type { KibanaRequest, Logger } from '@kbn/core/server';

export type LicenseType = 'basic' | 'standard' | 'gold' | 'platinum' | 'enterprise' | 'trial';

export const AlertingConnectorFeatureId = 'alerting';
export const CasesConnectorFeatureId = 'cases';
export const SecurityConnectorFeatureId = 'siem';
export const GenerativeAIForSecurityConnectorFeatureId = 'generativeAIForSecurity';

/** 9.x form: a config-schema `Type` fits `schema` directly (main takes zod's `parse`). */
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

/** Who asked for an execution: an HTTP request, a saved object (a rule), a notification or a background task. */
export interface ActionExecutionSource<T = unknown> {
  type: 'HTTP_REQUEST' | 'SAVED_OBJECT' | 'NOTIFICATION' | 'BACKGROUND_TASK';
  source: T;
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
  source?: ActionExecutionSource;
  /** Host extension: aborts the call in flight (the caller's signal, or the connector's timeout). */
  signal?: AbortSignal;
  /** Host extension: the caller's idempotency key (`executionId` of `execute`), e.g. for an `Idempotency-Key` header. */
  executionId?: string;
}

export interface ActionType<Config = Record<string, unknown>, Secrets = Record<string, unknown>, Params = Record<string, unknown>, Data = unknown> {
  id: string;
  name: string;
  minimumLicenseRequired: LicenseType;
  supportedFeatureIds: string[];
  isSystemActionType?: boolean;
  isDeprecated?: boolean;
  validate: {
    params: ValidatorType<Params>;
    config: ValidatorType<Config>;
    secrets: ValidatorType<Secrets>;
    /** Checks config and secrets together; a returned string is the error. */
    connector?: (config: Config, secrets: Secrets) => string | null;
  };
  executor(options: ActionTypeExecutorOptions<Config, Secrets, Params>): Promise<ActionTypeExecutorResult<Data>>;
}

/** A connector as the actions client returns it (`ActionResult` in Kibana); secrets never leave the plugin. */
export interface ActionResult<Config = Record<string, unknown>> {
  id: string;
  actionTypeId: string;
  name: string;
  isMissingSecrets?: boolean;
  config?: Config;
  isPreconfigured: boolean;
  isDeprecated: boolean;
  isSystemAction: boolean;
}

/** `getAll` items (`ConnectorWithExtraFindData` in Kibana). */
export interface FindActionResult extends ActionResult {
  referencedByCount: number;
}

/** A registered type as `listTypes` describes it (`ActionType` of Kibana's `common/types.ts`). */
export interface ActionTypeInfo {
  id: string;
  name: string;
  enabled: boolean;
  enabledInConfig: boolean;
  enabledInLicense: boolean;
  minimumLicenseRequired: LicenseType;
  supportedFeatureIds: string[];
  isSystemActionType: boolean;
  isDeprecated: boolean;
}

export interface ExecuteOptions {
  /**
   * The connector id. Host extension: a connector name is accepted too (an id match wins; a name
   * shared by several connectors is an error that lists their ids).
   */
  actionId: string;
  params: Record<string, unknown>;
  signal?: AbortSignal;
  /**
   * In Kibana the id of the run that triggered the action. Host extension: a successful result is
   * recorded per (connector, executionId) and returned again, without sending, when the same pair
   * comes back, so pass a key that is unique per side effect (e.g. `<execution id>:<step path>`).
   */
  executionId?: string;
  spaceId?: string;
  /** Handed to the executor, as in Kibana. */
  source?: ActionExecutionSource;
  taskInfo?: { scheduled: Date; attempts: number };
  /** Kibana feeds these to its event log and usage counters, which the host does not keep. */
  consumer?: string;
  relatedSavedObjects?: Array<{ id: string; type: string; namespace?: string; typeId?: string }>;
}

export interface ActionsClient {
  execute(options: ExecuteOptions): Promise<ActionTypeExecutorResult<unknown>>;
  get(options: { id: string; throwIfSystemAction?: boolean }): Promise<ActionResult>;
  getAll(options?: { includeSystemActions?: boolean }): Promise<FindActionResult[]>;
  create(options: { action: { actionTypeId: string; name: string; config?: Record<string, unknown>; secrets?: Record<string, unknown> }; options?: { id?: string } }): Promise<ActionResult>;
  update(options: { id: string; action: { name: string; config?: Record<string, unknown>; secrets?: Record<string, unknown> } }): Promise<ActionResult>;
  delete(options: { id: string }): Promise<{}>;
  listTypes(options?: { featureId?: string; includeSystemActionTypes?: boolean }): Promise<ActionTypeInfo[]>;
  isActionTypeEnabled(actionTypeId: string): boolean;
  isPreconfigured(connectorId: string): boolean;
  isSystemAction(connectorId: string): boolean;
}

export interface PluginSetupContract {
  registerType<Config = any, Secrets = any, Params = any, Data = any>(actionType: ActionType<Config, Secrets, Params, Data>): void;
}

export interface PluginStartContract {
  getActionsClientWithRequest(request: KibanaRequest): Promise<ActionsClient>;
  isActionTypeEnabled(id: string): boolean;
}
