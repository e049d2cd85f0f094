import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecryptionError, ENCRYPTION_KEY_FILE, resolveEncryptionKey, SecretsCipher } from './encryption';

describe('resolveEncryptionKey', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actions-key-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('generates a key into the data folder once, readable by the owner only', () => {
    const key = resolveEncryptionKey({ dataDir });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dataDir, ENCRYPTION_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(resolveEncryptionKey({ dataDir })).toBe(key);
  });

  it('prefers the configured key and then writes no file', () => {
    expect(resolveEncryptionKey({ dataDir, configuredKey: 'k'.repeat(32) })).toBe('k'.repeat(32));
    expect(() => readFileSync(join(dataDir, ENCRYPTION_KEY_FILE))).toThrow(/ENOENT/);
  });

  it('reads a key file someone put there', async () => {
    await writeFile(join(dataDir, ENCRYPTION_KEY_FILE), 'my-own-key\n');
    expect(resolveEncryptionKey({ dataDir })).toBe('my-own-key');
  });
});

describe('SecretsCipher', () => {
  const cipher = new SecretsCipher('a key of some length');

  it('round-trips secrets without showing them, with a fresh IV each time', () => {
    const secrets = { routingKey: 'R0UTING-KEY', nested: { token: 't' } };
    const first = cipher.encrypt(secrets, 'c1');
    expect(first).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(first).not.toContain('R0UTING');
    expect(cipher.encrypt(secrets, 'c1')).not.toBe(first);
    expect(cipher.decrypt(first, 'c1')).toEqual(secrets);
  });

  it.each([
    ['another connector id', (stored: string) => new SecretsCipher('a key of some length').decrypt(stored, 'c2')],
    ['another key', (stored: string) => new SecretsCipher('another key').decrypt(stored, 'c1')],
    ['an altered ciphertext', (stored: string) => cipher.decrypt(`${stored.slice(0, -4)}AAA=`, 'c1')],
    ['an unknown format', () => cipher.decrypt('plain text', 'c1')],
  ])('refuses to decrypt with %s', (_case, decrypt) => {
    const stored = cipher.encrypt({ password: 'p' }, 'c1');
    expect(() => decrypt(stored)).toThrow(DecryptionError);
    expect(() => decrypt(stored)).toThrow(/^Unable to decrypt the secrets of connector \[c[12]\]: the encryption key changed or the record was altered$/);
  });
});
