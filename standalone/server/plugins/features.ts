/*
 * The host side of Kibana's features plugin. Registered features define which API privileges
 * exist (`privileges.all.api` / `read.api`): route authorization checks against them and the
 * extra users in `standalone.yml` may only be granted privileges that some feature declares.
 */
import type { FeaturesPluginSetup, KibanaFeatureConfig } from '@kbn/features-plugin/server';

const FEATURE_ID = /^[a-zA-Z0-9_-]+$/;

export class FeaturesService {
  private readonly features = new Map<string, KibanaFeatureConfig>();
  private locked = false;

  setup(): FeaturesPluginSetup {
    return { registerKibanaFeature: (feature) => this.register(feature) };
  }

  /** Kibana freezes the feature registry once plugins have started. */
  lock(): void {
    this.locked = true;
  }

  getFeatures(): KibanaFeatureConfig[] {
    return [...this.features.values()];
  }

  getApiPrivileges(): Set<string> {
    const privileges = new Set<string>();
    for (const feature of this.features.values()) {
      for (const level of [feature.privileges?.all, feature.privileges?.read]) {
        for (const privilege of level?.api ?? []) privileges.add(privilege);
      }
    }
    return privileges;
  }

  private register(feature: KibanaFeatureConfig): void {
    if (this.locked) throw new Error(`Features are locked, can't register new features. Attempt to register ${feature.id} failed.`);
    if (!FEATURE_ID.test(feature.id)) throw new Error(`Feature id "${feature.id}" must match ${FEATURE_ID}`);
    if (this.features.has(feature.id)) throw new Error(`Feature with id ${feature.id} is already registered.`);
    this.features.set(feature.id, feature);
  }
}
