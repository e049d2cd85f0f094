/*
 * The host's "Actions and Connectors" feature. Kibana authorizes connector APIs through saved
 * object privileges; the host has API privileges only, so the feature declares two: reading and
 * running connectors (`actions_read`) and managing them (`actions_all`), which extra users in
 * `standalone.yml` can be granted.
 */
import { DEFAULT_APP_CATEGORIES } from '@kbn/core/server';
import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';

export const ACTIONS_READ_PRIVILEGE = 'actions_read';
export const ACTIONS_ALL_PRIVILEGE = 'actions_all';

export const ACTIONS_FEATURE: KibanaFeatureConfig = {
  id: 'actions',
  name: 'Actions and Connectors',
  category: DEFAULT_APP_CATEGORIES.management,
  app: [],
  privileges: {
    all: {
      savedObject: { all: ['action', 'action_task_params', 'connector_token'], read: [] },
      ui: ['show', 'execute', 'save', 'delete'],
      api: [ACTIONS_READ_PRIVILEGE, ACTIONS_ALL_PRIVILEGE],
    },
    read: {
      savedObject: { all: ['action_task_params', 'connector_token'], read: ['action'] },
      ui: ['show', 'execute'],
      api: [ACTIONS_READ_PRIVILEGE],
    },
  },
};
