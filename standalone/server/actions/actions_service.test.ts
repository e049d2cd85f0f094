import { existsSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveHostConfig } from '../config';
import { createTempDataDir, startTestHost } from '../test_utils';
import { createActionsProbePlugin } from './actions.mocks';
import { startFakeHttpService } from './fake_services';

describe('the encryption key setting', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await createTempDataDir();
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  const writeKey = (key: string) => {
    const file = join(dataDir, 'host.yml');
    writeFileSync(file, `xpack.encryptedSavedObjects.encryptionKey: "${key}"\n`);
    return file;
  };

  it('is read from xpack.encryptedSavedObjects.encryptionKey and must be 32 characters or more', () => {
    expect(resolveHostConfig({ configPath: writeKey('k'.repeat(32)) }).encryptionKey).toBe('k'.repeat(32));
    expect(() => resolveHostConfig({ configPath: writeKey('short') })).toThrow(
      '[config validation of [xpack].encryptedSavedObjects.encryptionKey]: value has length [5] but it must have a minimum length of [32].'
    );
  });

  it('encrypts the secrets, so a host with another key cannot use them', async () => {
    const hook = await startFakeHttpService();
    const start = (key: string) => startTestHost({ plugin: createActionsProbePlugin({}), dataDir, configPath: writeKey(key), logLevel: 'off' });
    try {
      const first = await start('first-key-first-key-first-key-first-key');
      await first.request('POST', '/api/actions/connector/hook', {
        body: { name: 'Hook', connector_type_id: '.webhook', config: { url: hook.url }, secrets: { user: 'u', password: 'p4ssword' } },
      });
      await first.stop({ keepDataDir: true });
      expect(existsSync(join(dataDir, 'encryption.key'))).toBe(false);

      const second = await start('other-key-other-key-other-key-other-key');
      const result = await second.request('POST', '/api/actions/connector/hook/_execute', { body: { params: {} } });
      await second.stop({ keepDataDir: true });
      expect(result.body).toEqual({
        status: 'error',
        connector_id: 'hook',
        message: 'Unable to decrypt the secrets of connector [hook]: the encryption key changed or the record was altered',
      });

      const third = await start('first-key-first-key-first-key-first-key');
      expect((await third.request('POST', '/api/actions/connector/hook/_execute', { body: { params: {} } })).body).toMatchObject({ status: 'ok' });
      await third.stop({ keepDataDir: true });
      expect(hook.requests).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });
});
