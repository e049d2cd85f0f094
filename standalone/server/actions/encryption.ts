/*
 * Connector secrets at rest: AES-256-GCM with a fresh IV per write and the connector id as
 * additional authenticated data, so a ciphertext copied onto another connector's row fails to
 * decrypt instead of lending it someone else's credentials. The key is Kibana's
 * `xpack.encryptedSavedObjects.encryptionKey` when configured, or one generated into the data
 * folder on first start (mode 0600).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ENCRYPTION_KEY_FILE = 'encryption.key';
const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor(connectorId: string) {
    super(`Unable to decrypt the secrets of connector [${connectorId}]: the encryption key changed or the record was altered`);
  }
}

/** The configured key wins; otherwise the data folder's key file, created once. */
export function resolveEncryptionKey({ dataDir, configuredKey }: { dataDir: string; configuredKey?: string }): string {
  if (configuredKey) return configuredKey;
  const file = join(dataDir, ENCRYPTION_KEY_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const generated = randomBytes(32).toString('hex');
  try {
    // `wx`: a second host starting on the same folder at the same moment keeps the first key.
    writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: 'wx' });
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}

export class SecretsCipher {
  private readonly key: Buffer;

  constructor(keyMaterial: string) {
    // HKDF turns a passphrase of any length into exactly 32 bytes and ties them to this use.
    this.key = Buffer.from(hkdfSync('sha256', keyMaterial, 'workflows-for-kibana', 'connector-secrets', 32));
  }

  encrypt(secrets: Record<string, unknown>, connectorId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(connectorId));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
    return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
  }

  decrypt(stored: string, connectorId: string): Record<string, unknown> {
    const [format, payload] = stored.split(':');
    if (format !== FORMAT || !payload) throw new DecryptionError(connectorId);
    const bytes = Buffer.from(payload, 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(connectorId));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new DecryptionError(connectorId);
    }
  }
}
