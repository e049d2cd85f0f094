/*
 * What other plugins register with alerting in setup: rule types, and connector adapters that
 * turn a rule run's alerts into a system connector's params. Errors read like Kibana's.
 */
import type { ConnectorAdapter, RegistryRuleType, RuleType } from '@kbn/alerting-plugin/server';
import { badRequest } from '../http/http_error';

const RECOVERED_ACTION_GROUP = { id: 'recovered', name: 'Recovered' };

export class RuleTypeRegistry {
  private readonly types = new Map<string, RuleType<any>>();

  register(ruleType: RuleType<any>): void {
    if (this.types.has(ruleType.id)) throw new Error(`Rule type "${ruleType.id}" is already registered.`);
    if (!ruleType.actionGroups.some((group) => group.id === ruleType.defaultActionGroupId)) {
      throw new Error(`Rule type [id="${ruleType.id}"] cannot be registered. Default action group [${ruleType.defaultActionGroupId}] is not one of its action groups.`);
    }
    this.types.set(ruleType.id, ruleType);
  }

  has(id: string): boolean {
    return this.types.has(id);
  }

  /** The type of a rule being created or run; an unknown id is the caller's mistake (400). */
  get(id: string): RuleType<any> {
    const ruleType = this.types.get(id);
    if (!ruleType) throw badRequest(`Rule type "${id}" is not registered.`);
    return ruleType;
  }

  /** Action groups a rule action may name: the type's own and the recovery group. */
  actionGroupsOf(id: string): string[] {
    const ruleType = this.get(id);
    return [...ruleType.actionGroups.map((group) => group.id), (ruleType.recoveryActionGroup ?? RECOVERED_ACTION_GROUP).id];
  }

  list(): Map<string, RegistryRuleType> {
    return new Map(
      [...this.types.values()].map((type) => [
        type.id,
        {
          id: type.id,
          name: type.name,
          actionGroups: type.actionGroups,
          defaultActionGroupId: type.defaultActionGroupId,
          recoveryActionGroup: type.recoveryActionGroup ?? RECOVERED_ACTION_GROUP,
          producer: type.producer,
          category: type.category,
          minimumLicenseRequired: type.minimumLicenseRequired,
          isExportable: type.isExportable,
        },
      ])
    );
  }

  actionVariablesOf(id: string): RuleType['actionVariables'] {
    return this.types.get(id)?.actionVariables;
  }
}

export class ConnectorAdapterRegistry {
  private readonly adapters = new Map<string, ConnectorAdapter<any, any>>();

  register(adapter: ConnectorAdapter<any, any>): void {
    if (this.adapters.has(adapter.connectorTypeId)) throw new Error(`${adapter.connectorTypeId} is already registered.`);
    this.adapters.set(adapter.connectorTypeId, adapter);
  }

  get(connectorTypeId: string): ConnectorAdapter<any, any> | undefined {
    return this.adapters.get(connectorTypeId);
  }
}
