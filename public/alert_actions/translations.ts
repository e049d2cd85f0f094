import { i18n } from '@kbn/i18n';

export const RUN_WORKFLOW_ACTION_NAME = i18n.translate('workflows.alertActions.runWorkflow.actionName', { defaultMessage: 'Run workflow' });
export const MODAL_TITLE = i18n.translate('workflows.alertActions.runWorkflow.modalTitle', { defaultMessage: 'Run a workflow' });
export const modalDescription = (count: number) =>
  count === 1
    ? i18n.translate('workflows.alertActions.runWorkflow.modalDescriptionOne', {
        defaultMessage: 'The workflow runs now with this alert as its event (event.alerts).',
      })
    : i18n.translate('workflows.alertActions.runWorkflow.modalDescriptionMany', {
        defaultMessage: 'The workflow runs once, now, with the {count} selected alerts as its event (event.alerts).',
        values: { count },
      });
export const SEARCH_PLACEHOLDER = i18n.translate('workflows.alertActions.runWorkflow.searchPlaceholder', {
  defaultMessage: 'Search enabled workflows by name or tag',
});
export const LIST_HELP = i18n.translate('workflows.alertActions.runWorkflow.listHelp', {
  defaultMessage: 'Only enabled workflows are listed. Workflows with an alert trigger come first.',
});
export const NO_WORKFLOWS = i18n.translate('workflows.alertActions.runWorkflow.noWorkflows', {
  defaultMessage: 'There is no enabled workflow to run.',
});
export const CREATE_WORKFLOW = i18n.translate('workflows.alertActions.runWorkflow.createWorkflow', { defaultMessage: 'Create a workflow' });
export const ALERT_TRIGGER_BADGE = i18n.translate('workflows.alertActions.runWorkflow.alertTriggerBadge', {
  defaultMessage: 'alert trigger',
});
export const INVALID_BADGE = i18n.translate('workflows.alertActions.runWorkflow.invalidBadge', { defaultMessage: 'invalid' });
export const loadFailed = (message: string) =>
  i18n.translate('workflows.alertActions.runWorkflow.loadFailed', {
    defaultMessage: 'Could not load the workflows: {message}',
    values: { message },
  });
export const CANCEL = i18n.translate('workflows.alertActions.runWorkflow.cancel', { defaultMessage: 'Cancel' });
export const RUN = i18n.translate('workflows.alertActions.runWorkflow.run', { defaultMessage: 'Run' });
export const startedToastTitle = (name: string) =>
  i18n.translate('workflows.alertActions.runWorkflow.startedToastTitle', {
    defaultMessage: 'Workflow "{name}" started',
    values: { name },
  });
export const VIEW_RUN = i18n.translate('workflows.alertActions.runWorkflow.viewRun', { defaultMessage: 'View the run' });
export const failedToastTitle = (name: string) =>
  i18n.translate('workflows.alertActions.runWorkflow.failedToastTitle', {
    defaultMessage: 'Could not run workflow "{name}"',
    values: { name },
  });
