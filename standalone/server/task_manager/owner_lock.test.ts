import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { acquireOwnerLock, ownerLockFile } from './owner_lock';

describe('acquireOwnerLock', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'workflows-owner-lock-'));
    file = join(dir, 'kibana.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is held by one holder at a time per owner id, and free again once released', () => {
    const first = acquireOwnerLock(file, 'kibana:node-a');
    expect(first).toBeDefined();
    expect(acquireOwnerLock(file, 'kibana:node-a')).toBeUndefined();
    const other = acquireOwnerLock(file, 'kibana:node-b');
    expect(other).toBeDefined();
    first!.release();
    const again = acquireOwnerLock(file, 'kibana:node-a');
    expect(again).toBeDefined();
    again!.release();
    other!.release();
  });

  it('keeps one lock file per owner id next to the task database', () => {
    expect(ownerLockFile(file, 'kibana:node-a')).toMatch(new RegExp(`^${dir}/kibana\\.sqlite\\.owner-[0-9a-f]{16}\\.lock$`));
    expect(ownerLockFile(file, 'kibana:node-a')).not.toBe(ownerLockFile(file, 'kibana:node-b'));
  });

  it('is held by a live process and freed by the kernel when that process is killed', async () => {
    // The module itself, bundled for a plain node child: the lock must hold across processes.
    const script = join(dir, 'hold_lock.cjs');
    buildSync({
      stdin: { contents: `require('./owner_lock').acquireOwnerLock(process.argv[2], 'kibana:node-a') ? console.log('held') : console.log('busy'); setInterval(() => {}, 1000);`, resolveDir: __dirname, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3'],
      outfile: script,
      logLevel: 'silent',
    });
    const child = spawn(process.execPath, [script, file], { env: { ...process.env, NODE_PATH: join(__dirname, '../../../node_modules') }, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const said = await new Promise<string>((resolve) => child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
      expect(said).toBe('held');
      expect(acquireOwnerLock(file, 'kibana:node-a')).toBeUndefined();
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const taken = acquireOwnerLock(file, 'kibana:node-a');
    expect(taken).toBeDefined();
    taken!.release();
  });
});
