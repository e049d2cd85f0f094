/*
 * The page chrome: `/` redirects to the default app and every `/app/*` path answers with the same
 * small HTML document, so browser-side routing owns the rest of the path (deep links survive a
 * reload). The browser bundle (`standalone/public`) renders into `#kibana-body`.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { RawRoute } from './http/http_server';
import { BUNDLES_PATH } from './static';

export const PAGE_TITLE = 'Workflows for Kibana';

export interface HostInfo {
  basePath: string;
  version: string;
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

// `<` escaped so no value can close the inline script element.
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function renderAppPage(options: { hostInfo: HostInfo; withStylesheet: boolean }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PAGE_TITLE}</title>
${options.withStylesheet ? `<link rel="stylesheet" href="${BUNDLES_PATH}host.css">\n` : ''}</head>
<body>
<div id="kibana-body"></div>
<script>window.__kbnHostInfo = ${inlineJson(options.hostInfo)};</script>
<script src="${BUNDLES_PATH}host.js"></script>
</body>
</html>
`;
}

export const MISSING_BUNDLE_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${PAGE_TITLE}</title></head>
<body>
<h1>${PAGE_TITLE}</h1>
<p>The browser bundle has not been built. Run <code>npm run build</code> (or start the host with <code>npm start</code>, which builds first), then reload this page.</p>
</body>
</html>
`;

function sendPage(res: ServerResponse, statusCode: number, html: string) {
  res.writeHead(statusCode, { ...PAGE_HEADERS, 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

export function createAppPageRoutes(options: { publicDir: string; defaultAppPath: string; hostInfo: HostInfo }): RawRoute[] {
  const isRead = (method: string) => method === 'get' || method === 'head';
  return [
    {
      authRequired: true,
      matches: (method, pathname) => isRead(method) && pathname === '/',
      handle: (_req, res) => {
        res.writeHead(302, { location: options.defaultAppPath, 'cache-control': 'no-store' });
        res.end();
      },
    },
    {
      authRequired: true,
      matches: (method, pathname) => isRead(method) && (pathname === '/app' || pathname.startsWith('/app/')),
      handle: (_req, res) => {
        // Checked per request so a build made while the host runs is picked up on reload.
        if (!existsSync(join(options.publicDir, 'host.js'))) {
          sendPage(res, 503, MISSING_BUNDLE_PAGE);
          return;
        }
        const withStylesheet = existsSync(join(options.publicDir, 'host.css'));
        sendPage(res, 200, renderAppPage({ hostInfo: options.hostInfo, withStylesheet }));
      },
    },
  ];
}
