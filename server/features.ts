import { DEFAULT_APP_CATEGORIES } from '@kbn/core/server';
import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import { API_PRIVILEGES, PLUGIN_ID, PLUGIN_NAME } from '../common/api';

/** The Kibana feature whose privileges guard the routes: `all` may write and run, `read` may look. */
export const workflowsFeature: KibanaFeatureConfig = {
  id: PLUGIN_ID,
  name: PLUGIN_NAME,
  category: DEFAULT_APP_CATEGORIES.management,
  app: [PLUGIN_ID],
  catalogue: [PLUGIN_ID],
  scope: ['spaces', 'security'],
  privileges: {
    all: {
      app: [PLUGIN_ID],
      api: [API_PRIVILEGES.all, API_PRIVILEGES.read],
      savedObject: { all: [], read: [] },
      ui: ['show', 'save', 'run'],
    },
    read: {
      app: [PLUGIN_ID],
      api: [API_PRIVILEGES.read],
      savedObject: { all: [], read: [] },
      ui: ['show'],
    },
  },
};
