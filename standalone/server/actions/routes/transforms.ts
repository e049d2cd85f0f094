/* The wire shapes of Kibana's public connector API (snake_case), from the client's camelCase. */
import type { ActionResult, ActionTypeExecutorResult, ActionTypeInfo, FindActionResult } from '@kbn/actions-plugin/server';

export interface ConnectorResponse {
  id: string;
  name: string;
  connector_type_id: string;
  config?: Record<string, unknown>;
  is_preconfigured: boolean;
  is_deprecated: boolean;
  is_missing_secrets?: boolean;
  is_system_action: boolean;
}

export const toConnectorResponse = (connector: ActionResult): ConnectorResponse => ({
  id: connector.id,
  name: connector.name,
  connector_type_id: connector.actionTypeId,
  ...(connector.config !== undefined ? { config: connector.config } : {}),
  is_preconfigured: connector.isPreconfigured,
  is_deprecated: connector.isDeprecated,
  ...(connector.isMissingSecrets !== undefined ? { is_missing_secrets: connector.isMissingSecrets } : {}),
  is_system_action: connector.isSystemAction,
});

export const toFindConnectorResponse = (connector: FindActionResult) => ({
  ...toConnectorResponse(connector),
  referenced_by_count: connector.referencedByCount,
});

export const toConnectorTypeResponse = (type: ActionTypeInfo) => ({
  id: type.id,
  name: type.name,
  enabled: type.enabled,
  enabled_in_config: type.enabledInConfig,
  enabled_in_license: type.enabledInLicense,
  minimum_license_required: type.minimumLicenseRequired,
  supported_feature_ids: type.supportedFeatureIds,
  is_system_action_type: type.isSystemActionType,
  is_deprecated: type.isDeprecated,
});

/** Kibana's execute route drops `retry` and renames the rest. */
export const toExecuteResponse = ({ actionId, serviceMessage, retry: _retry, errorSource: _source, ...rest }: ActionTypeExecutorResult<unknown>) => ({
  ...rest,
  connector_id: actionId,
  ...(serviceMessage ? { service_message: serviceMessage } : {}),
});
