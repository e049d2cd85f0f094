#!/usr/bin/env node
/*
 * Builds what the standalone host needs with esbuild:
 *   build/server/host.cjs  the host (boots the plugin's server code)
 *   build/server/cli.cjs   the `workflows` CLI
 *   build/public/          the browser bundle (host chrome + the plugin's public code) and Monaco workers
 * npm dependencies stay external on the server; the @kbn/* workspace packages are bundled from source.
 * Flags: --only server|cli|public (repeatable), --quiet, --watch is not supported on purpose (use npm start again).
 */
import { build } from 'esbuild';
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const only = args.flatMap((a, i) => (a === '--only' ? [args[i + 1]] : []));
const wants = (target) => only.length === 0 || only.includes(target);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const npmDeps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];

const nodeTarget = (entry, outfile) => ({
  entryPoints: [join(root, entry)],
  outfile: join(root, outfile),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: npmDeps,
  logLevel: quiet ? 'error' : 'info',
});

const browserTarget = () => ({
  entryPoints: {
    host: join(root, 'standalone/public/index.tsx'),
    'editor.worker': join(root, 'node_modules/monaco-editor/esm/vs/editor/editor.worker.js'),
    'yaml.worker': join(root, 'node_modules/monaco-yaml/yaml.worker.js'),
  },
  outdir: join(root, 'build/public'),
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  minify: true,
  sourcemap: 'linked',
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl', '.png': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: quiet ? 'error' : 'info',
});

const jobs = [];
if (wants('server')) jobs.push(build(nodeTarget('standalone/server/main.ts', 'build/server/host.cjs')));
if (wants('cli')) jobs.push(build(nodeTarget('standalone/cli/main.ts', 'build/server/cli.cjs')));
if (wants('public')) {
  mkdirSync(join(root, 'build/public'), { recursive: true });
  jobs.push(build(browserTarget()));
}
const started = Date.now();
await Promise.all(jobs);
if (!quiet) console.log(`build finished in ${Date.now() - started} ms`);
