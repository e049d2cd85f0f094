import { EuiButtonEmpty, EuiFlexGroup, EuiFlexItem } from '@elastic/eui';
import { ALERT_ROW_ACTIONS_TRIGGER, type AlertReference, type UiActionsStart } from '@kbn/ui-actions-plugin/public';
import { useTriggerActions } from './use_trigger_actions';

/** The row trigger's actions for one alert, as buttons in its row. */
export const RowActions = ({
  uiActions,
  alert,
  onActionDone,
}: {
  uiActions: UiActionsStart;
  alert: AlertReference;
  onActionDone(error?: unknown): void;
}) => {
  const { actions, execute, presentation } = useTriggerActions(uiActions, ALERT_ROW_ACTIONS_TRIGGER, [alert]);
  return (
    <EuiFlexGroup gutterSize="xs" responsive={false} wrap>
      {actions.map((action) => {
        const { name, icon } = presentation(action);
        return (
          <EuiFlexItem grow={false} key={action.id}>
            <EuiButtonEmpty
              size="xs"
              iconType={icon}
              data-test-subj={`alertRowAction-${action.id}`}
              onClick={() => execute(action).then(() => onActionDone(), onActionDone)}
            >
              {name}
            </EuiButtonEmpty>
          </EuiFlexItem>
        );
      })}
    </EuiFlexGroup>
  );
};
