/**
 * The engine and services the I/O step tests run with: the real engine and registry, a Kibana
 * API reached over real HTTP (a fake Kibana on loopback), and a given Elasticsearch client.
 */
import type { ElasticsearchClient } from '@kbn/core/server';
import { createTestEngine } from '../../engine/engine_test_utils';
import { createStepRegistry } from '../registry';
import { offlineServices, type KibanaRequestOptions, type StepServices } from '../services';
import { parseBody } from './response_error';

async function fetchKibana(baseUrl: string, { method, path, body, headers, query, signal }: KibanaRequestOptions) {
  const url = new URL(path, baseUrl);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, String(value));
  const response = await fetch(url, {
    method,
    signal,
    headers: { 'kbn-xsrf': 'workflows', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: parseBody(await response.text(), response.headers.get('content-type')) };
}

export function ioTestServices(options: { kibanaUrl?: string; elasticsearch?: ElasticsearchClient } = {}): StepServices {
  const { kibanaUrl, elasticsearch } = options;
  return {
    ...offlineServices(),
    ...(elasticsearch ? { elasticsearch: () => elasticsearch } : {}),
    ...(kibanaUrl ? { kibanaRequest: (request: KibanaRequestOptions) => fetchKibana(kibanaUrl, request) } : {}),
  };
}

export const ioTestEngine = (services: StepServices) =>
  createTestEngine({ registry: createStepRegistry(), createServices: () => services });
