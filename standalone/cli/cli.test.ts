/** The built `workflows` CLI, run as a user runs it (npm test builds it first). */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const CLI = resolve(__dirname, '../../build/server/cli.cjs');
const exec = promisify(execFile);

const cli = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workflows-cli-'));
  writeFileSync(
    join(dir, 'good.yaml'),
    `name: Good
triggers:
  - type: manual
steps:
  - name: set
    type: data.set
    with:
      who: "{{ inputs.who }}"
  - name: loop
    type: foreach
    foreach: '["a","b"]'
    steps:
      - name: hello
        type: console
        with:
          message: "hello {{ variables.who }} {{ foreach.item }}"
`
  );
  writeFileSync(join(dir, 'broken.yaml'), 'name: Broken\ntriggers:\n  - type: manual\nsteps:\n  - name: x\n    type: consle\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workflows CLI', () => {
  it('validate prints one line per invalid file and a summary, exit 1', async () => {
    const { code, stdout } = await cli('validate', 'good.yaml', 'broken.yaml');
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^broken\.yaml:6:11 .*consle/);
    expect(lines.at(-1)).toBe('1 valid, 1 invalid');
  });

  it('validate exits 0 when every file is valid, and --json gives findings', async () => {
    expect((await cli('validate', 'good.yaml')).code).toBe(0);
    const { stdout } = await cli('validate', '.', '--json');
    const reports = JSON.parse(stdout);
    expect(reports.map((r: { file: string; valid: boolean }) => [r.file.replace(/^.*\//, ''), r.valid])).toEqual([
      ['broken.yaml', false],
      ['good.yaml', true],
    ]);
    expect(reports[0].errors[0]).toMatchObject({ line: 6, column: 11, severity: 'error' });
  });

  it('run executes the workflow and prints the execution as JSON', async () => {
    const { code, stdout } = await cli('run', 'good.yaml', '--inputs', '{"who":"team"}', '--json');
    expect(code).toBe(0);
    const execution = JSON.parse(stdout);
    expect(execution.status).toBe('completed');
    expect(execution.steps.map((s: { name: string; output: unknown }) => [s.name, s.output])).toEqual([
      ['set', { who: 'team' }],
      ['loop', { total: 2, iterations: 2 }],
      ['hello', 'hello team a'],
      ['hello', 'hello team b'],
    ]);
  });

  it('run prints a readable summary and exits 1 when the run fails', async () => {
    writeFileSync(join(dir, 'fails.yaml'), 'name: Fails\ntriggers:\n  - type: manual\nsteps:\n  - name: loop\n    type: foreach\n    foreach: "{{ inputs.nothing_here }}x"\n    steps:\n      - name: s\n        type: console\n        with: { message: m }\n');
    const { code, stdout } = await cli('run', 'fails.yaml');
    expect(code).toBe(1);
    expect(stdout).toContain('Fails: failed');
    expect(stdout).toContain('error: Step "loop" failed: "foreach" must give a list');
  });

  it('run --dry-run sends nothing and prints the proposed effects', async () => {
    const received: string[] = [];
    const server = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      writeFileSync(
        join(dir, 'notify.yaml'),
        `name: Notify\ntriggers:\n  - type: manual\nsteps:\n  - name: post\n    type: http\n    with:\n      url: http://127.0.0.1:${port}/hooks/alert\n      method: POST\n      body: { text: "host {{ inputs.host }}" }\n  - name: after\n    type: console\n    with: { message: "status {{ steps.post.output.status }}" }\n`
      );
      const { code, stdout } = await cli('run', 'notify.yaml', '--dry-run', '--inputs', '{"host":"web-1"}');
      expect(code).toBe(0);
      expect(received).toEqual([]);
      expect(stdout).toContain('proposed effects (dry run, nothing was sent):');
      expect(stdout).toContain(`post [http] POST http://127.0.0.1:${port}/hooks/alert`);
      expect(stdout).toContain('"text":"host web-1"');
    } finally {
      server.close();
    }
  });

  it('run refuses an invalid workflow with its position', async () => {
    const { code, stderr } = await cli('run', 'broken.yaml');
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.yaml:6:11 /);
  });
});
