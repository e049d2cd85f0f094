/*
 * The slice of Kibana's alerting plugin server contract (x-pack/platform/plugins/shared/alerting)
 * the plugin uses: rule type registration, connector adapters (how a system action such as
 * `.workflows` turns a rule run's alerts into connector params) and a rules client.
 */
import type { ObjectType } from '@kbn/config-schema';
import type { KibanaRequest } from '@kbn/core/server';

export type LicenseType = 'basic' | 'standard' | 'gold' | 'platinum' | 'enterprise' | 'trial';

export interface ActionGroup<Id extends string = string> {
  id: Id;
  name: string;
}

export interface RuleTypeParamsValidator<Params> {
  validate(object: unknown): Params;
}

export interface RuleExecutorOptions<Params = Record<string, unknown>> {
  executionId: string;
  params: Params;
  rule: { id: string; name: string; tags: string[]; consumer: string; producer: string; ruleTypeId: string };
  spaceId: string;
  startedAt: Date;
}

export interface RuleType<Params = Record<string, unknown>> {
  id: string;
  name: string;
  actionGroups: ActionGroup[];
  defaultActionGroupId: string;
  recoveryActionGroup?: ActionGroup;
  producer: string;
  category: string;
  solution?: 'stack' | 'observability' | 'security';
  minimumLicenseRequired: LicenseType;
  isExportable: boolean;
  validate: { params: RuleTypeParamsValidator<Params> };
  actionVariables?: {
    context?: Array<{ name: string; description: string }>;
    params?: Array<{ name: string; description: string }>;
  };
  executor(options: RuleExecutorOptions<Params>): Promise<{ state: Record<string, unknown> }>;
}

/** `RegistryRuleType`: what `listTypes` tells about a registered type. */
export interface RegistryRuleType {
  id: string;
  name: string;
  actionGroups: ActionGroup[];
  defaultActionGroupId: string;
  recoveryActionGroup: ActionGroup;
  producer: string;
  category: string;
  minimumLicenseRequired: LicenseType;
  isExportable: boolean;
}

/**
 * An alert document as actions see it: `_id`, `_index` and the source with its dotted keys
 * expanded into nested objects (Kibana's `expandFlattenedAlert`).
 */
export type AlertHit = Record<string, unknown> & { _id: string; _index: string };

export interface SummarizedAlertsChunk {
  count: number;
  data: AlertHit[];
}

export interface SummarizedAlerts {
  new: SummarizedAlertsChunk;
  ongoing: SummarizedAlertsChunk;
  recovered: SummarizedAlertsChunk;
}

export type CombinedSummarizedAlerts = SummarizedAlerts & { all: SummarizedAlertsChunk };

export interface ConnectorAdapterParams<RuleActionParams = Record<string, unknown>> {
  alerts: CombinedSummarizedAlerts;
  rule: { id: string; name: string; tags: string[]; consumer: string; producer: string; ruleTypeId: string };
  ruleUrl?: string;
  spaceId: string;
  params: RuleActionParams;
}

export interface ConnectorAdapter<RuleActionParams = Record<string, unknown>, ConnectorParams = Record<string, unknown>> {
  connectorTypeId: string;
  /** Validates the action params saved with a rule (`actions[].params` of a system action). */
  ruleActionParamsSchema: ObjectType;
  buildActionParams(args: ConnectorAdapterParams<RuleActionParams>): ConnectorParams;
  getKibanaPrivileges?(args: { consumer: string; producer: string }): string[];
}

export type RuleExecutionStatusValues = 'ok' | 'active' | 'error' | 'pending' | 'unknown' | 'warning';
export type RuleExecutionStatusErrorReasons = 'read' | 'decrypt' | 'execute' | 'unknown' | 'license' | 'timeout' | 'disabled' | 'validate';
export type RuleLastRunOutcomes = 'succeeded' | 'warning' | 'failed';

export interface RuleAction {
  uuid: string;
  group: string;
  id: string;
  actionTypeId: string;
  params: Record<string, unknown>;
  frequency?: { summary: boolean; notifyWhen: 'onActionGroupChange' | 'onActiveAlert' | 'onThrottleInterval'; throttle: string | null };
  /** Renders the alert document's own fields as template variables (`{{kibana.alert.reason}}`). */
  useAlertDataForTemplate?: boolean;
}

export interface RuleSystemAction {
  uuid: string;
  id: string;
  actionTypeId: string;
  params: Record<string, unknown>;
}

/** `SanitizedRule`: a rule as the rules client returns it (camelCase; the HTTP API is snake_case). */
export interface SanitizedRule<Params = Record<string, unknown>> {
  id: string;
  name: string;
  tags: string[];
  alertTypeId: string;
  consumer: string;
  schedule: { interval: string };
  params: Params;
  actions: RuleAction[];
  systemActions: RuleSystemAction[];
  enabled: boolean;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  apiKeyOwner: string | null;
  throttle: string | null;
  notifyWhen: string | null;
  muteAll: boolean;
  mutedInstanceIds: string[];
  revision: number;
  executionStatus: {
    status: RuleExecutionStatusValues;
    lastExecutionDate: Date;
    lastDuration?: number;
    error?: { reason: RuleExecutionStatusErrorReasons; message: string };
  };
  lastRun?: {
    outcome: RuleLastRunOutcomes;
    outcomeOrder: number;
    outcomeMsg: string[] | null;
    warning: RuleExecutionStatusErrorReasons | null;
    alertsCount: { active: number; new: number; recovered: number; ignored: number };
  } | null;
}

export interface RulesClient {
  get(params: { id: string }): Promise<SanitizedRule>;
}

export interface AlertingServerSetup {
  registerType<Params = Record<string, unknown>>(ruleType: RuleType<Params>): void;
  registerConnectorAdapter<RuleActionParams = Record<string, unknown>, ConnectorParams = Record<string, unknown>>(
    adapter: ConnectorAdapter<RuleActionParams, ConnectorParams>
  ): void;
}

export interface AlertingServerStart {
  listTypes(): Map<string, RegistryRuleType>;
  getRulesClientWithRequest(request: KibanaRequest): Promise<RulesClient>;
}

/** The names older plugins import. */
export type PluginSetupContract = AlertingServerSetup;
export type PluginStartContract = AlertingServerStart;
