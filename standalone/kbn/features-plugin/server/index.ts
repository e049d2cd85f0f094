/* The slice of Kibana's features plugin contract the plugin uses. */
import type { AppCategory } from '@kbn/core/server';

export interface FeatureKibanaPrivileges {
  savedObject: { all: string[]; read: string[] };
  ui: string[];
  api?: string[];
  app?: string[];
  catalogue?: string[];
}

export interface KibanaFeatureConfig {
  id: string;
  name: string;
  category: AppCategory;
  app: string[];
  catalogue?: string[];
  order?: number;
  description?: string;
  minimumLicense?: string;
  privileges: { all: FeatureKibanaPrivileges; read: FeatureKibanaPrivileges } | null;
  scope?: Array<'spaces' | 'security'>;
}

export interface FeaturesPluginSetup {
  registerKibanaFeature(feature: KibanaFeatureConfig): void;
}
