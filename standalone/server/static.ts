/*
 * Serves the browser bundle (`build/public`) at `/bundles/*`. esbuild names copied assets
 * (fonts) `<name>-<HASH>.<ext>`, so those are cached for good; entry files keep fixed names
 * (`host.js`, the Monaco workers) and are revalidated with an ETag on every load.
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { RawRoute } from './http/http_server';
import { sendError } from './http/send';

export const BUNDLES_PATH = '/bundles/';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const HASHED_ASSET = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

const etagOf = (stats: Stats) => `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;

export function createBundlesRoute(publicDir: string): RawRoute {
  const root = resolve(publicDir);
  return {
    authRequired: true,
    matches: (method, pathname) => (method === 'get' || method === 'head') && pathname.startsWith(BUNDLES_PATH),
    handle: async (req, res, url) => {
      let relative: string;
      try {
        relative = decodeURIComponent(url.pathname.slice(BUNDLES_PATH.length));
      } catch {
        sendError(res, 400, 'Invalid path');
        return;
      }
      const file = resolve(join(root, relative));
      const stats = file.startsWith(root + sep) ? await stat(file).catch(() => undefined) : undefined;
      if (!stats?.isFile()) {
        sendError(res, 404);
        return;
      }
      const etag = etagOf(stats);
      const headers = {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag,
        'x-content-type-options': 'nosniff',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, { ...headers, 'content-length': stats.size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    },
  };
}
