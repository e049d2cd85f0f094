import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPluginManifest, stripJsonComments } from './manifest';

describe('stripJsonComments', () => {
  it('removes comments but keeps comment-like text inside strings', () => {
    const text = '{\n  // a comment\n  "url": "https://example.com/*x*/", /* block\n comment */ "n": 1 // trailing\n}';
    expect(JSON.parse(stripJsonComments(text))).toEqual({ url: 'https://example.com/*x*/', n: 1 });
  });

  it('keeps escaped quotes inside strings', () => {
    expect(JSON.parse(stripJsonComments('{"a": "say \\"hi\\" // not a comment"}'))).toEqual({ a: 'say "hi" // not a comment' });
  });
});

describe('readPluginManifest', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'workflows-manifest-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (content: unknown) => {
    const file = join(dir, 'kibana.jsonc');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it('reads the project manifest', () => {
    expect(readPluginManifest(join(__dirname, '../../kibana.jsonc'))).toMatchObject({
      id: 'workflows',
      configPath: ['workflows'],
      requiredPlugins: expect.arrayContaining(['taskManager', 'features', 'actions']),
      server: true,
      browser: true,
    });
  });

  it('defaults configPath to the snake_cased id and splits dotted paths', () => {
    expect(readPluginManifest(write({ type: 'plugin', plugin: { id: 'myPlugin', server: true } }))).toEqual({
      id: 'myPlugin',
      configPath: ['my_plugin'],
      requiredPlugins: [],
      optionalPlugins: [],
      server: true,
      browser: false,
    });
    expect(readPluginManifest(write({ type: 'plugin', plugin: { id: 'x', configPath: 'xpack.x' } })).configPath).toEqual(['xpack', 'x']);
  });

  it.each([
    [{ type: 'package', plugin: { id: 'x' } }, 'is not a plugin manifest'],
    [{ type: 'plugin', plugin: { id: 'x', requiredPlugins: 'actions' } }, 'plugin.requiredPlugins must be a list of plugin ids'],
    ['{ broken', 'Cannot read the plugin manifest'],
  ])('rejects %j', (content, message) => {
    expect(() => readPluginManifest(write(content))).toThrow(message);
  });
});
