/*
 * `core.elasticsearch.client` for the host. Without a cluster every API call rejects with an
 * explanation instead of a connection error, so an `elasticsearch.*` step fails with a message
 * that says how to fix it. With `--elasticsearch <url>` it is a real client; the host has no
 * per-user Elasticsearch credentials, so `asCurrentUser` is the same client as `asInternalUser`.
 */
import type { ElasticsearchClient, IClusterClient } from '@kbn/core/server';

export const NO_ELASTICSEARCH_MESSAGE =
  'No Elasticsearch cluster is configured. Start the host with --elasticsearch <url> to use Elasticsearch steps.';

export function createUnconfiguredClient(): ElasticsearchClient {
  const node: ProxyHandler<() => void> = {
    // Namespaces (`client.indices.exists`) resolve to more proxies; only calls fail.
    get: (_target, property) => (typeof property === 'symbol' || property === 'then' ? undefined : new Proxy(() => undefined, node)),
    apply: () => Promise.reject(new Error(NO_ELASTICSEARCH_MESSAGE)),
  };
  return new Proxy(() => undefined, node) as unknown as ElasticsearchClient;
}

export interface HostClusterClient extends IClusterClient {
  close(): Promise<void>;
}

export async function createClusterClient(config?: { hosts: string[]; username?: string; password?: string }): Promise<HostClusterClient> {
  if (!config) {
    const client = createUnconfiguredClient();
    return { asInternalUser: client, asScoped: () => ({ asInternalUser: client, asCurrentUser: client }), close: async () => {} };
  }
  // Loaded only when configured: the client is large and most standalone users never need it.
  const { Client } = await import('@elastic/elasticsearch');
  const auth = config.username ? { username: config.username, password: config.password ?? '' } : undefined;
  const client = new Client({ nodes: config.hosts, auth });
  return {
    asInternalUser: client,
    asScoped: () => ({ asInternalUser: client, asCurrentUser: client }),
    close: () => client.close(),
  };
}
