import { useState, type ReactElement } from 'react';
import { EuiContextMenuItem, EuiContextMenuPanel, EuiPopover } from '@elastic/eui';
import type { AlertReference, UiActionsStart } from '@kbn/ui-actions-plugin/public';
import { useTriggerActions } from './use_trigger_actions';

export interface ActionMenuProps {
  uiActions: UiActionsStart;
  triggerId: string;
  alerts: AlertReference[];
  /** The button that opens the menu; it gets `onClick`. */
  button(open: () => void): ReactElement;
  /** Called once an action has finished (its modal closed), with its error if it failed. */
  onActionDone(error?: unknown): void;
  testSubj: string;
}

/** A popover menu of the trigger's compatible actions: the bulk menu and the flyout's "Take action". */
export const ActionMenu = ({ uiActions, triggerId, alerts, button, onActionDone, testSubj }: ActionMenuProps) => {
  const [open, setOpen] = useState(false);
  const { actions, execute, presentation } = useTriggerActions(uiActions, triggerId, alerts);
  const items = actions.map((action) => {
    const { name, icon } = presentation(action);
    return (
      <EuiContextMenuItem
        key={action.id}
        icon={icon}
        data-test-subj={`${testSubj}-${action.id}`}
        onClick={() => {
          setOpen(false);
          execute(action).then(() => onActionDone(), onActionDone);
        }}
      >
        {name}
      </EuiContextMenuItem>
    );
  });
  return (
    <EuiPopover
      button={button(() => setOpen((value) => !value))}
      isOpen={open}
      closePopover={() => setOpen(false)}
      panelPaddingSize="none"
      anchorPosition="downLeft"
    >
      <EuiContextMenuPanel
        items={
          items.length > 0
            ? items
            : [
                <EuiContextMenuItem key="none" disabled>
                  No actions available
                </EuiContextMenuItem>,
              ]
        }
        data-test-subj={`${testSubj}Panel`}
      />
    </EuiPopover>
  );
};
