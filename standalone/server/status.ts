/*
 * `GET /api/status` in Kibana's shape. It needs no credentials and answers while the host is
 * still starting (503, `unavailable`), so scripts and tests can wait on it.
 */
import type { RawRoute } from './http/http_server';
import { sendJson } from './http/send';

export const STATUS_PATH = '/api/status';

export type StatusLevel = 'available' | 'degraded' | 'unavailable' | 'critical';

export interface HostStatus {
  level: StatusLevel;
  summary: string;
}

export function createStatusRoute(options: { name: string; uuid: string; version: string; getStatus: () => HostStatus }): RawRoute {
  return {
    authRequired: false,
    availableBeforeReady: true,
    matches: (method, pathname) => (method === 'get' || method === 'head') && pathname === STATUS_PATH,
    handle: (_req, res) => {
      const overall = options.getStatus();
      // Kibana answers 503 only when it cannot serve requests; `degraded` still works.
      const serving = overall.level === 'available' || overall.level === 'degraded';
      sendJson(res, serving ? 200 : 503, {
        name: options.name,
        uuid: options.uuid,
        version: { number: options.version, build_hash: '', build_number: 0, build_snapshot: false },
        status: { overall },
      });
    },
  };
}
