/*
 * Kibana's `ActionsClient` over the connector store: CRUD with the type's validators, system
 * connectors, and `execute` by id or name with at-most-once results per execution id. The HTTP
 * API and the plugin (`getActionsClientWithRequest`) use the same client.
 */
import { randomUUID } from 'node:crypto';
import type { KibanaRequest, Logger } from '@kbn/core/server';
import type {
  ActionResult,
  ActionType,
  ActionTypeExecutorResult,
  ActionTypeInfo,
  ActionsClient,
  ExecuteOptions,
  FindActionResult,
} from '@kbn/actions-plugin/server';
import { ActionsClientError, connectorNotFound } from './errors';
import type { ConnectorStore, StoredConnector } from './connector_store';
import { DecryptionError } from './encryption';
import type { ExecutionLedger } from './execution_ledger';
import { runExecutor } from './run_executor';
import type { ActionTypeRegistry } from './type_registry';
import { validateConnector } from './validation';

export const DEFAULT_SPACE_ID = 'default';

export interface HostActionsClientDeps {
  registry: ActionTypeRegistry;
  store: ConnectorStore;
  ledger: ExecutionLedger;
  logger: Logger;
  request: KibanaRequest;
  services: Record<string, unknown>;
  spaceId?: string;
}

type Target = { actionType: ActionType; system: true; id: string; name: string } | { actionType: ActionType; system: false; connector: StoredConnector };

const toActionResult = (connector: StoredConnector): ActionResult => ({
  id: connector.id,
  actionTypeId: connector.actionTypeId,
  name: connector.name,
  isMissingSecrets: connector.isMissingSecrets,
  config: connector.config,
  isPreconfigured: false,
  isDeprecated: false,
  isSystemAction: false,
});

export class HostActionsClient implements ActionsClient {
  private readonly spaceId: string;

  constructor(private readonly deps: HostActionsClientDeps) {
    this.spaceId = deps.spaceId ?? DEFAULT_SPACE_ID;
  }

  async get({ id, throwIfSystemAction = true }: { id: string; throwIfSystemAction?: boolean }): Promise<ActionResult> {
    const system = this.deps.registry.systemConnectors().find((connector) => connector.id === id);
    if (system) {
      if (throwIfSystemAction) throw new ActionsClientError(`Connector ${id} not found`, 404);
      const { referencedByCount: _count, ...result } = system;
      return result;
    }
    const connector = this.deps.store.get(this.spaceId, id);
    if (!connector) throw connectorNotFound(id);
    return toActionResult(connector);
  }

  async getAll({ includeSystemActions = false }: { includeSystemActions?: boolean } = {}): Promise<FindActionResult[]> {
    const stored = this.deps.store.list(this.spaceId).map((connector) => ({ ...toActionResult(connector), referencedByCount: 0 }));
    return includeSystemActions ? [...stored, ...this.deps.registry.systemConnectors()] : stored;
  }

  async create({
    action,
    options,
  }: {
    action: { actionTypeId: string; name: string; config?: Record<string, unknown>; secrets?: Record<string, unknown> };
    options?: { id?: string };
  }): Promise<ActionResult> {
    const actionType = this.deps.registry.get(action.actionTypeId);
    if (actionType.isSystemActionType) {
      throw new ActionsClientError(`System action creation is forbidden. Action type: ${action.actionTypeId}.`, 400);
    }
    const id = options?.id ?? randomUUID();
    if (this.isSystemAction(id)) throw new ActionsClientError(`Saved object [action/${id}] conflict`, 409);
    const validated = validateConnector(actionType, { config: action.config ?? {}, secrets: action.secrets ?? {} });
    return toActionResult(this.deps.store.create({ id, spaceId: this.spaceId, name: action.name, actionTypeId: action.actionTypeId, ...validated }));
  }

  async update({
    id,
    action,
  }: {
    id: string;
    action: { name: string; config?: Record<string, unknown>; secrets?: Record<string, unknown> };
  }): Promise<ActionResult> {
    if (this.isSystemAction(id)) throw new ActionsClientError(`System action ${id} can not be updated.`, 400);
    const existing = this.deps.store.get(this.spaceId, id);
    if (!existing) throw connectorNotFound(id);
    const validated = validateConnector(this.deps.registry.get(existing.actionTypeId), { config: action.config ?? {}, secrets: action.secrets ?? {} });
    const updated = this.deps.store.update(this.spaceId, id, { name: action.name, ...validated });
    if (!updated) throw connectorNotFound(id);
    return toActionResult(updated);
  }

  async delete({ id }: { id: string }): Promise<{}> {
    if (this.isSystemAction(id)) throw new ActionsClientError(`System action ${id} is not allowed to delete.`, 400);
    if (!this.deps.store.delete(this.spaceId, id)) throw connectorNotFound(id);
    return {};
  }

  async listTypes(options: { featureId?: string; includeSystemActionTypes?: boolean } = {}): Promise<ActionTypeInfo[]> {
    return this.deps.registry.list(options);
  }

  isActionTypeEnabled(actionTypeId: string): boolean {
    return this.deps.registry.has(actionTypeId);
  }

  isPreconfigured(_connectorId: string): boolean {
    return false;
  }

  isSystemAction(connectorId: string): boolean {
    return this.deps.registry.systemTypeForConnector(connectorId) !== undefined;
  }

  async execute({ actionId, spaceId, ...options }: ExecuteOptions): Promise<ActionTypeExecutorResult<unknown>> {
    const target = this.resolve(spaceId ?? this.spaceId, actionId);
    const id = target.system ? target.id : target.connector.id;
    const { executionId } = options;
    const run = () => this.run(target, options);
    return executionId ? this.deps.ledger.once(id, executionId, run) : run();
  }

  /** An id wins over a name; a name must be unique among the space's connectors. */
  private resolve(spaceId: string, idOrName: string): Target {
    const { registry, store } = this.deps;
    const byId = store.get(spaceId, idOrName);
    if (byId) return { actionType: registry.get(byId.actionTypeId), system: false, connector: byId };
    const systemType = registry.systemTypeForConnector(idOrName);
    if (systemType) return { actionType: systemType, system: true, id: idOrName, name: systemType.name };
    const byName = store.findByName(spaceId, idOrName);
    if (byName.length > 1) {
      throw new ActionsClientError(
        `Connector name "${idOrName}" is ambiguous: it matches ${byName.length} connectors [${byName.map(({ id }) => id).join(', ')}]; refer to one by its id`,
        400
      );
    }
    if (byName.length === 0) throw connectorNotFound(idOrName);
    return { actionType: registry.get(byName[0].actionTypeId), system: false, connector: byName[0] };
  }

  private async run(
    target: Target,
    { params, signal, executionId, source, taskInfo }: Omit<ExecuteOptions, 'actionId' | 'spaceId'>
  ): Promise<ActionTypeExecutorResult<unknown>> {
    let connector: { id: string; name: string; config: Record<string, unknown>; secrets: Record<string, unknown> };
    if (target.system) {
      connector = { id: target.id, name: target.name, config: {}, secrets: {} };
    } else {
      try {
        connector = { ...target.connector, secrets: this.deps.store.readSecrets(target.connector) };
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
        this.deps.logger.error(error.message);
        return { actionId: target.connector.id, status: 'error', message: error.message, retry: false, errorSource: 'framework' };
      }
    }
    const { logger, request, services } = this.deps;
    return runExecutor({ actionType: target.actionType, connector, params, logger, request, services, signal, executionId, source, taskInfo });
  }
}
