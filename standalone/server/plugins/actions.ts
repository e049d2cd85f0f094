/*
 * The host side of Kibana's actions plugin: connector type registration with Kibana's checks,
 * and an actions client that runs system connectors (one per system action type, with Kibana's
 * `system-connector-<type id>` id). Connectors with config and secrets come with the connectors
 * page; until then `execute` knows only system connectors.
 */
import type { IScopedClusterClient, KibanaRequest, Logger } from '@kbn/core/server';
import type {
  ActionType,
  ActionTypeExecutorResult,
  ActionsClient,
  PluginSetupContract,
  PluginStartContract,
  ValidatorType,
} from '@kbn/actions-plugin/server';

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

export interface ActionsServiceDeps {
  logger: Logger;
  getScopedClusterClient(request: KibanaRequest): IScopedClusterClient;
}

export class ActionsService {
  private readonly types = new Map<string, ActionType>();

  constructor(private readonly deps: ActionsServiceDeps) {}

  setup(): PluginSetupContract {
    return { registerType: (actionType) => this.register(actionType as ActionType) };
  }

  start(): PluginStartContract {
    return {
      getActionsClientWithRequest: async (request) => this.createClient(request),
      isActionTypeEnabled: (id) => this.types.has(id),
    };
  }

  private register(actionType: ActionType): void {
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

  private systemTypeFor(connectorId: string): ActionType | undefined {
    return [...this.types.values()].find((type) => type.isSystemActionType && systemConnectorId(type.id) === connectorId);
  }

  private createClient(request: KibanaRequest): ActionsClient {
    return {
      getAll: async ({ includeSystemActions = false } = {}) =>
        includeSystemActions
          ? [...this.types.values()]
              .filter((type) => type.isSystemActionType)
              .map((type) => ({
                id: systemConnectorId(type.id),
                name: type.name,
                actionTypeId: type.id,
                isSystemAction: true,
                isPreconfigured: false,
                isDeprecated: false,
              }))
          : [],
      execute: async ({ actionId, params }) => {
        const actionType = this.systemTypeFor(actionId);
        if (!actionType) throw Object.assign(new Error(`Saved object [action/${actionId}] not found`), { statusCode: 404 });
        return this.execute(actionType, { actionId, params, request });
      },
    };
  }

  /** Kibana's executor contract: validation failures and executor throws come back as `status: 'error'` results. */
  private async execute(
    actionType: ActionType,
    { actionId, params, request }: { actionId: string; params: Record<string, unknown>; request: KibanaRequest }
  ): Promise<ActionTypeExecutorResult<unknown>> {
    let validated: { params: Record<string, unknown>; config: Record<string, unknown>; secrets: Record<string, unknown> };
    try {
      validated = {
        params: validate(actionType.validate.params, params, 'action params'),
        config: validate(actionType.validate.config, {}, 'action type config'),
        secrets: validate(actionType.validate.secrets, {}, 'action type secrets'),
      };
    } catch (error) {
      return { actionId, status: 'error', message: (error as Error).message, retry: false, errorSource: 'user' };
    }
    const logger = this.deps.logger;
    try {
      return await actionType.executor({
        actionId,
        ...validated,
        logger,
        request,
        services: { scopedClusterClient: this.deps.getScopedClusterClient(request).asCurrentUser },
      });
    } catch (error) {
      logger.warn(`action execution failure: ${actionType.id}:${actionId}: ${actionType.name}: ${(error as Error).message}`);
      return {
        actionId,
        status: 'error',
        message: 'an error occurred while running the action',
        serviceMessage: (error as Error).message,
        retry: true,
        errorSource: 'framework',
      };
    }
  }
}

function validate<T>(validator: ValidatorType<T>, value: unknown, what: string): T {
  try {
    const result = validator.schema.validate(value);
    validator.customValidator?.(result);
    return result;
  } catch (error) {
    throw new Error(`error validating ${what}: ${(error as Error).message}`);
  }
}
