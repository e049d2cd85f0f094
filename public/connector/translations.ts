import { i18n } from '@kbn/i18n';

export const SELECT_MESSAGE = i18n.translate('workflows.connector.selectMessage', {
  defaultMessage: 'Execute workflows when alerts are triggered.',
});
export const ACTION_TYPE_TITLE = i18n.translate('workflows.connector.actionTypeTitle', { defaultMessage: 'Workflows' });
export const WORKFLOW_ID_REQUIRED = i18n.translate('workflows.connector.error.requiredWorkflowId', {
  defaultMessage: 'Workflow ID is required.',
});
export const WORKFLOW_UNAVAILABLE = i18n.translate('workflows.connector.error.workflowUnavailable', {
  defaultMessage: 'The selected workflow is disabled or no longer exists. Choose an enabled workflow.',
});
export const WORKFLOW_LABEL = i18n.translate('workflows.connector.params.workflowLabel', { defaultMessage: 'Workflow' });
export const WORKFLOW_PLACEHOLDER = i18n.translate('workflows.connector.params.workflowPlaceholder', {
  defaultMessage: 'Search enabled workflows by name or tag',
});
export const WORKFLOW_HELP = i18n.translate('workflows.connector.params.workflowHelp', {
  defaultMessage: 'Only enabled workflows are listed. Workflows with an alert trigger come first.',
});
export const CREATE_WORKFLOW = i18n.translate('workflows.connector.params.createWorkflow', { defaultMessage: 'Create a workflow' });
export const LOAD_FAILED = (message: string) =>
  i18n.translate('workflows.connector.params.loadFailed', {
    defaultMessage: 'Could not load the workflows: {message}',
    values: { message },
  });
export const ALERT_TRIGGER_BADGE = i18n.translate('workflows.connector.params.alertTriggerBadge', { defaultMessage: 'alert trigger' });
export const FREQUENCY_LABEL = i18n.translate('workflows.connector.params.frequencyLabel', { defaultMessage: 'Action frequency' });
export const RUN_PER_ALERT = i18n.translate('workflows.connector.params.runPerAlert', { defaultMessage: 'Run per alert' });
export const RUN_PER_ALERT_HELP = i18n.translate('workflows.connector.params.runPerAlertHelp', {
  defaultMessage: 'On: one run for each alert. Off: one run with all the alerts of a rule run.',
});
