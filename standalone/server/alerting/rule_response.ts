/*
 * A stored rule as Kibana's public API returns it (`transformRuleToRuleResponse`): snake_case,
 * and the system actions listed in `actions` after the default ones, with no group or frequency.
 */
import type { RegistryRuleType, SanitizedRule } from '@kbn/alerting-plugin/server';
import type { StoredRule } from './rules_store';

export function toRuleResponse(rule: StoredRule): Record<string, unknown> {
  const { executionStatus: status, lastRun } = rule;
  return {
    id: rule.id,
    name: rule.name,
    tags: rule.tags,
    enabled: rule.enabled,
    consumer: rule.consumer,
    rule_type_id: rule.alertTypeId,
    schedule: rule.schedule,
    params: rule.params,
    actions: [
      ...rule.actions.map((action) => ({
        group: action.group,
        id: action.id,
        params: action.params,
        connector_type_id: action.actionTypeId,
        uuid: action.uuid,
        ...(action.frequency
          ? { frequency: { summary: action.frequency.summary, notify_when: action.frequency.notifyWhen, throttle: action.frequency.throttle } }
          : {}),
        ...(action.useAlertDataForTemplate !== undefined ? { use_alert_data_for_template: action.useAlertDataForTemplate } : {}),
      })),
      ...rule.systemActions.map((action) => ({ id: action.id, params: action.params, connector_type_id: action.actionTypeId, uuid: action.uuid })),
    ],
    created_by: rule.createdBy,
    updated_by: rule.updatedBy,
    created_at: rule.createdAt,
    updated_at: rule.updatedAt,
    api_key_owner: rule.apiKeyOwner,
    api_key_created_by_user: false,
    throttle: rule.throttle,
    notify_when: rule.notifyWhen,
    mute_all: rule.muteAll,
    muted_alert_ids: rule.mutedInstanceIds,
    ...(rule.enabled ? { scheduled_task_id: rule.id } : {}),
    execution_status: {
      status: status.status,
      last_execution_date: status.lastExecutionDate,
      ...(status.lastDuration !== undefined ? { last_duration: status.lastDuration } : {}),
      ...(status.error ? { error: status.error } : {}),
    },
    ...(lastRun
      ? {
          last_run: {
            outcome: lastRun.outcome,
            outcome_order: lastRun.outcomeOrder,
            outcome_msg: lastRun.outcomeMsg,
            warning: lastRun.warning,
            alerts_count: lastRun.alertsCount,
          },
        }
      : {}),
    next_run: null,
    revision: rule.revision,
    running: false,
  };
}

/** What the rules client hands to plugins: the same rule with `Date`s. */
export function toSanitizedRule(rule: StoredRule): SanitizedRule {
  return {
    ...rule,
    createdAt: new Date(rule.createdAt),
    updatedAt: new Date(rule.updatedAt),
    executionStatus: { ...rule.executionStatus, lastExecutionDate: new Date(rule.executionStatus.lastExecutionDate) },
  };
}

/** `GET /api/alerting/rule_types` items. */
export function toRuleTypeResponse(type: RegistryRuleType, actionVariables: unknown): Record<string, unknown> {
  return {
    id: type.id,
    name: type.name,
    action_groups: type.actionGroups,
    default_action_group_id: type.defaultActionGroupId,
    recovery_action_group: type.recoveryActionGroup,
    producer: type.producer,
    category: type.category,
    minimum_license_required: type.minimumLicenseRequired,
    is_exportable: type.isExportable,
    action_variables: actionVariables ?? { context: [], state: [], params: [] },
    enabled_in_license: true,
    has_alerts_mappings: true,
    authorized_consumers: {},
  };
}
