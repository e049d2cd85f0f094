import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Action, AlertReference, UiActionsStart } from '@kbn/ui-actions-plugin/public';

/**
 * The actions plugins attached to an alert trigger that accept these alerts. This is what makes the
 * table an extension point: the page knows no action by name.
 */
export const useTriggerActions = (uiActions: UiActionsStart, triggerId: string, alerts: AlertReference[]) => {
  // The key, not the array, drives the effect: callers build a new array on every render.
  const key = alerts.map(({ _id, _index }) => `${_index}/${_id}`).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const context = useMemo(() => ({ alerts: alerts.map(({ _id, _index }) => ({ _id, _index })) }), [key]);
  const [actions, setActions] = useState<Action[]>([]);

  useEffect(() => {
    let active = true;
    if (context.alerts.length === 0) setActions([]);
    else uiActions.getTriggerCompatibleActions(triggerId, context).then((found) => active && setActions(found));
    return () => {
      active = false;
    };
  }, [uiActions, triggerId, context]);

  const execute = useCallback(
    (action: Action) => action.execute({ ...context, trigger: uiActions.getTrigger(triggerId) }),
    [uiActions, triggerId, context],
  );
  const presentation = useCallback(
    (action: Action) => {
      const withTrigger = { ...context, trigger: uiActions.getTrigger(triggerId) };
      return { name: action.getDisplayName(withTrigger), icon: action.getIconType(withTrigger) };
    },
    [uiActions, triggerId, context],
  );

  return { actions, execute, presentation };
};
