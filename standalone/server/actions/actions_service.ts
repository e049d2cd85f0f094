/*
 * The host side of Kibana's actions plugin: wires the connector store (in `<data>/kibana.sqlite`,
 * secrets encrypted), the type registry with the stack connector types, the connector API and
 * the "Actions and Connectors" feature, and hands the plugin its setup and start contracts.
 */
import { join } from 'node:path';
import type { IRouter, IScopedClusterClient, KibanaRequest, Logger } from '@kbn/core/server';
import type { ActionType, PluginSetupContract, PluginStartContract } from '@kbn/actions-plugin/server';
import type { FeaturesPluginSetup } from '@kbn/features-plugin/server';
import { HostActionsClient } from './actions_client';
import { getStackConnectorTypes } from './connector_types';
import { ConnectorStore } from './connector_store';
import { resolveEncryptionKey, SecretsCipher } from './encryption';
import { ExecutionLedger } from './execution_ledger';
import { ACTIONS_FEATURE } from './feature';
import { registerConnectorRoutes } from './routes/connector_routes';
import { ActionTypeRegistry } from './type_registry';

/** Kibana's `xpack.actions.responseTimeout` default. */
export const DEFAULT_RESPONSE_TIMEOUT_MS = 60_000;

export interface ActionsServiceOptions {
  logger: Logger;
  dataDir: string;
  /** `xpack.encryptedSavedObjects.encryptionKey`; without it a key is generated into `<data>/encryption.key`. */
  encryptionKey?: string;
  getScopedClusterClient(request: KibanaRequest): IScopedClusterClient;
  /** Upper bound of one call from a connector to its service. */
  responseTimeoutMs?: number;
}

export class ActionsService {
  private readonly registry = new ActionTypeRegistry();
  private readonly store: ConnectorStore;
  private readonly ledger: ExecutionLedger;

  constructor(private readonly options: ActionsServiceOptions) {
    const cipher = new SecretsCipher(resolveEncryptionKey({ dataDir: options.dataDir, configuredKey: options.encryptionKey }));
    this.store = new ConnectorStore(join(options.dataDir, 'kibana.sqlite'), cipher);
    this.ledger = new ExecutionLedger(this.store);
  }

  setup({ router, features }: { router: IRouter; features: FeaturesPluginSetup }): PluginSetupContract {
    features.registerKibanaFeature(ACTIONS_FEATURE);
    for (const connectorType of getStackConnectorTypes({ timeoutMs: this.options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS })) {
      this.registry.register(connectorType);
    }
    registerConnectorRoutes(router, { getActionsClient: async (request) => this.createClient(request) });
    return { registerType: (actionType) => this.registry.register(actionType as ActionType) };
  }

  start(): PluginStartContract {
    return {
      getActionsClientWithRequest: async (request) => this.createClient(request),
      isActionTypeEnabled: (id) => this.registry.has(id),
    };
  }

  stop(): void {
    this.store.close();
  }

  private createClient(request: KibanaRequest): HostActionsClient {
    return new HostActionsClient({
      registry: this.registry,
      store: this.store,
      ledger: this.ledger,
      logger: this.options.logger,
      request,
      services: { scopedClusterClient: this.options.getScopedClusterClient(request).asCurrentUser },
    });
  }
}
