#!/usr/bin/env node
/*
 * Benchmarks (never part of `npm test`). `npm run -s bench -- <name> [flags]` builds
 * bench/<name>.bench.ts with esbuild and runs it; flags such as --json and --quick pass through.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...flags] = process.argv.slice(2);
const entry = join(root, 'bench', `${name}.bench.ts`);
if (!name || !existsSync(entry)) {
  console.error(`usage: npm run -s bench -- <name> [--json] [--quick]  (name: a bench/<name>.bench.ts file)`);
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outfile = join(root, 'build', 'bench', `${name}.cjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})],
  logLevel: 'error',
});
const result = spawnSync(process.execPath, ['--expose-gc', outfile, ...flags], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
