import { useState } from 'react';
import {
  EuiButton,
  EuiContextMenuItem,
  EuiContextMenuPanel,
  EuiIcon,
  EuiPopover,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { ActionTypeRegistryContract } from '@kbn/triggers-actions-ui-plugin/public';
import { actionTitle, RuleActionItem, type UpdateActions } from './rule_action_item';
import { newRuleAction, type RuleFormAction } from './rule_form_state';
import type { ConnectorResponse, RuleTypeResponse } from './rules_api';
import type { ActionErrors } from './use_action_errors';

interface RuleActionsSectionProps {
  actions: RuleFormAction[];
  connectors: ConnectorResponse[];
  ruleType: RuleTypeResponse | undefined;
  registry: ActionTypeRegistryContract;
  errors: ActionErrors;
  updateActions: UpdateActions;
}

const modelOf = (registry: ActionTypeRegistryContract, actionTypeId: string) =>
  registry.has(actionTypeId) ? registry.get(actionTypeId) : undefined;

/**
 * The rule's Actions, as Kibana's rule form lays them out: "Add action" offers every connector
 * (system connectors under their action type's title), and each action renders the params form of
 * the action type model registered for it.
 */
export const RuleActionsSection = ({ actions, connectors, ruleType, registry, errors, updateActions }: RuleActionsSectionProps) => {
  const [isPickerOpen, setPickerOpen] = useState(false);
  // Kibana runs a system action once per rule run whatever it is told, so it is offered once.
  const isAdded = (connector: ConnectorResponse) => connector.is_system_action && actions.some(({ connectorId }) => connectorId === connector.id);

  const add = (connector: ConnectorResponse) => {
    setPickerOpen(false);
    const defaults = modelOf(registry, connector.connector_type_id)?.defaultActionParams as Record<string, unknown> | undefined;
    updateActions((current) => [...current, newRuleAction(connector, ruleType, defaults)]);
  };

  const pickerItems = connectors.map((connector) => {
    const model = modelOf(registry, connector.connector_type_id);
    return (
      <EuiContextMenuItem
        key={connector.id}
        icon={<EuiIcon type={model?.iconClass ?? 'plugs'} />}
        disabled={isAdded(connector)}
        toolTipContent={model?.selectMessage}
        onClick={() => add(connector)}
        data-test-subj={`addActionConnector-${connector.id}`}
      >
        <span data-test-subj="actionConnectorTitle">{actionTitle(connector, model)}</span>
        <EuiText size="xs" color="subdued">
          {connector.connector_type_id}
        </EuiText>
      </EuiContextMenuItem>
    );
  });

  return (
    <section data-test-subj="ruleActionsSection">
      <EuiTitle size="s">
        <h3>Actions</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      {actions.length === 0 && (
        <EuiText size="s" color="subdued">
          <p>No actions yet: add one to run a workflow or notify someone when the rule produces alerts.</p>
        </EuiText>
      )}
      {actions.map((action, index) => (
        <div key={action.key}>
          <RuleActionItem
            action={action}
            index={index}
            model={modelOf(registry, action.actionTypeId)}
            connector={connectors.find(({ id }) => id === action.connectorId)}
            ruleType={ruleType}
            errors={errors[action.key] ?? {}}
            updateActions={updateActions}
          />
          <EuiSpacer size="m" />
        </div>
      ))}
      <EuiPopover
        isOpen={isPickerOpen}
        closePopover={() => setPickerOpen(false)}
        panelPaddingSize="none"
        anchorPosition="downLeft"
        button={
          <EuiButton iconType="plusCircle" onClick={() => setPickerOpen((open) => !open)} data-test-subj="addActionButton">
            Add action
          </EuiButton>
        }
      >
        <EuiContextMenuPanel
          items={
            pickerItems.length > 0
              ? pickerItems
              : [
                  <EuiContextMenuItem key="none" disabled>
                    No connectors: create one on the Connectors page.
                  </EuiContextMenuItem>,
                ]
          }
          data-test-subj="actionConnectorPicker"
        />
      </EuiPopover>
    </section>
  );
};
