import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import { FeaturesService } from './features';

const feature = (id: string, all: string[], read: string[]): KibanaFeatureConfig => ({
  id,
  name: id,
  category: { id: 'management', label: 'Management' },
  app: [id],
  privileges: {
    all: { savedObject: { all: [], read: [] }, ui: [], api: all },
    read: { savedObject: { all: [], read: [] }, ui: [], api: read },
  },
});

describe('FeaturesService', () => {
  it('collects the API privileges of every feature', () => {
    const service = new FeaturesService();
    service.setup().registerKibanaFeature(feature('workflows', ['workflows_all', 'workflows_read'], ['workflows_read']));
    service.setup().registerKibanaFeature({ ...feature('empty', [], []), privileges: null });
    expect(service.getApiPrivileges()).toEqual(new Set(['workflows_all', 'workflows_read']));
    expect(service.getFeatures().map(({ id }) => id)).toEqual(['workflows', 'empty']);
  });

  it.each([
    ['a duplicate id', (service: FeaturesService) => service.setup().registerKibanaFeature(feature('a', [], [])), 'Feature with id a is already registered.'],
    ['a late registration', (service: FeaturesService) => service.lock(), "Features are locked, can't register new features. Attempt to register a failed."],
  ])('rejects %s', (_case, prepare, message) => {
    const service = new FeaturesService();
    prepare(service);
    expect(() => service.setup().registerKibanaFeature(feature('a', [], []))).toThrow(message);
  });
});
