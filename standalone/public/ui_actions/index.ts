import type { UiActionsSetup, UiActionsStart } from '@kbn/ui-actions-plugin/public';
import { HOST_TRIGGERS, UiActionsService } from './ui_actions_service';

export { HOST_TRIGGERS, UiActionsService };

export interface UiActionsContracts {
  setup: UiActionsSetup;
  start: UiActionsStart;
}

/** The page's `uiActions`, with the host's alert triggers in place before any plugin attaches to them. */
export const createUiActions = (logger?: { warn(message: string): void }): UiActionsContracts => {
  const service = new UiActionsService(logger);
  const setup = service.setup();
  for (const trigger of HOST_TRIGGERS) setup.registerTrigger(trigger);
  return { setup, start: service.start() };
};
