/**
 * Fetches alert documents by id for "Run workflow" on alerts: through the rule registry's alerts
 * client when there is one (Kibana, the host), else Elasticsearch as the user.
 */
import type { KibanaRequest } from '@kbn/core/server';
import type { CoreStart } from '@kbn/core/server';
import type { RuleRegistryPluginStartContract } from '@kbn/rule-registry-plugin/server';
import { NotFoundError } from '../../common/errors';

export interface AlertRef {
  _id: string;
  _index: string;
}

export type AlertLookup = (refs: AlertRef[], request: KibanaRequest) => Promise<Array<Record<string, unknown>>>;

export function createAlertLookup(core: CoreStart, ruleRegistry?: RuleRegistryPluginStartContract): AlertLookup {
  return async (refs, request) => {
    if (ruleRegistry) {
      const client = await ruleRegistry.getRacClientWithRequest(request);
      return Promise.all(
        refs.map(async (ref) => {
          try {
            return await client.get({ id: ref._id, index: ref._index });
          } catch {
            throw new NotFoundError(`Alert [${ref._id}] not found in [${ref._index}]`);
          }
        })
      );
    }
    const es = core.elasticsearch.client.asScoped(request).asCurrentUser;
    return Promise.all(
      refs.map(async (ref) => {
        const doc = await es.get({ index: ref._index, id: ref._id }).catch(() => undefined);
        if (!doc?.found) throw new NotFoundError(`Alert [${ref._id}] not found in [${ref._index}]`);
        return { ...(doc._source as Record<string, unknown>), _id: doc._id, _index: doc._index };
      })
    );
  };
}
