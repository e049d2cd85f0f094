/*
 * Connector types: registration with Kibana's checks, in Kibana's order, and the system connectors
 * Kibana derives from system action types (one each, id `system-connector-<type id>`).
 */
import type { ActionType, ActionTypeInfo, FindActionResult } from '@kbn/actions-plugin/server';
import { ActionsClientError } from './errors';

/** `common/connector_feature_config.ts` in Kibana. */
export const CONNECTOR_FEATURE_IDS = [
  'alerting',
  'cases',
  'uptime',
  'siem',
  'generativeAIForSecurity',
  'generativeAIForObservability',
  'generativeAIForSearchPlayground',
  'endpointSecurity',
  'federated',
];

const BELOW_GOLD = new Set(['basic', 'standard']);

export const systemConnectorId = (actionTypeId: string) => `system-connector-${actionTypeId}`;

export class ActionTypeRegistry {
  private readonly types = new Map<string, ActionType>();

  register(actionType: ActionType): void {
    const { id, supportedFeatureIds } = actionType;
    if (this.types.has(id)) throw new Error(`Action type "${id}" is already registered.`);
    if (!supportedFeatureIds || supportedFeatureIds.length === 0) {
      throw new Error(`At least one "supportedFeatureId" value must be supplied for connector type "${id}".`);
    }
    const unknown = supportedFeatureIds.filter((featureId) => !CONNECTOR_FEATURE_IDS.includes(featureId));
    if (unknown.length > 0) throw new Error(`Invalid feature ids "${unknown.join(',')}" for connector type "${id}".`);
    // Kibana reserves ids starting with "." for its own stack connectors.
    if (!id.startsWith('.') && BELOW_GOLD.has(actionType.minimumLicenseRequired)) {
      throw new Error(`Third party action type "${id}" can only set minimumLicenseRequired to a gold license or higher`);
    }
    this.types.set(id, actionType);
  }

  has(id: string): boolean {
    return this.types.has(id);
  }

  get(id: string): ActionType {
    const actionType = this.types.get(id);
    if (!actionType) throw new ActionsClientError(`Action type "${id}" is not registered.`, 400);
    return actionType;
  }

  list({ featureId, includeSystemActionTypes = false }: { featureId?: string; includeSystemActionTypes?: boolean } = {}): ActionTypeInfo[] {
    return [...this.types.values()]
      .filter((type) => includeSystemActionTypes || !type.isSystemActionType)
      .filter((type) => !featureId || type.supportedFeatureIds.includes(featureId))
      .map((type) => ({
        id: type.id,
        name: type.name,
        enabled: true,
        enabledInConfig: true,
        enabledInLicense: true,
        minimumLicenseRequired: type.minimumLicenseRequired,
        supportedFeatureIds: type.supportedFeatureIds,
        isSystemActionType: type.isSystemActionType ?? false,
        isDeprecated: type.isDeprecated ?? false,
      }));
  }

  systemTypeForConnector(connectorId: string): ActionType | undefined {
    return [...this.types.values()].find((type) => type.isSystemActionType && systemConnectorId(type.id) === connectorId);
  }

  systemConnectors(): FindActionResult[] {
    return [...this.types.values()]
      .filter((type) => type.isSystemActionType)
      .map((type) => ({
        id: systemConnectorId(type.id),
        name: type.name,
        actionTypeId: type.id,
        config: {},
        isMissingSecrets: false,
        isPreconfigured: false,
        isDeprecated: false,
        isSystemAction: true,
        referencedByCount: 0,
      }));
  }
}
