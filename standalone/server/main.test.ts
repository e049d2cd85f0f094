/* The built host as a process (`build/server/host.cjs`, made by `npm run build`). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './host';
import { spawnHost, TEST_CREDENTIALS } from './test_utils';

const script = join(PROJECT_ROOT, 'build', 'server', 'host.cjs');

describe('the host process', () => {
  it('prints usage for --help and rejects unknown flags with exit code 2', () => {
    const help = spawnSync(process.execPath, [script, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--data <dir>');
    const bad = spawnSync(process.execPath, [script, '--prot', '1'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--prot'");
  });

  it('fails to start with a clear message when the port is taken', async () => {
    const first = await spawnHost();
    try {
      const second = spawnSync(process.execPath, [script, '--port', String(first.port), '--data', first.dataDir], {
        encoding: 'utf8',
        env: { ...process.env, WORKFLOWS_PASSWORD: 'x' },
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(
        `Workflows for Kibana failed to start: Port ${first.port} on 127.0.0.1 is already in use: stop the other process or choose another port with --port (or PORT)`
      );
    } finally {
      await first.stop();
    }
  });

  it('serves with the credentials from the environment, stops on SIGTERM, and comes back after SIGKILL', async () => {
    const host = await spawnHost();
    try {
      expect(host.output()).toContain(`Workflows for Kibana is ready at http://localhost:${host.port}/app/workflows`);
      expect(host.output()).toContain(`Log in as "${TEST_CREDENTIALS.username}" with the configured password.`);
      expect((await host.request('GET', '/api/status', { auth: false })).body.status.overall.level).toBe('available');
      expect((await host.request('GET', '/app/workflows', { auth: false })).status).toBe(401);

      const uuid = readFileSync(join(host.dataDir, 'uuid'), 'utf8');
      expect(await host.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

      const restarted = await spawnHost({ dataDir: host.dataDir });
      expect((await restarted.request('GET', '/api/status', { auth: false })).body.uuid).toBe(uuid);
      expect(await restarted.kill('SIGTERM')).toEqual({ code: 0, signal: null });
      expect(restarted.output()).toContain('Received SIGTERM; stopping');
    } finally {
      await host.stop();
    }
  });
});
