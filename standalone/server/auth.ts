/*
 * HTTP Basic authentication for the standalone host. Kibana delegates this to Elasticsearch's
 * security; the host has no cluster, so it keeps a tiny user list: one administrator (every
 * privilege) and optional extra users from `standalone.yml` with listed API privileges.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfiguredUser } from './config';

export const AUTH_REALM = 'Workflows for Kibana';
export const DEFAULT_USERNAME = 'elastic';
export const CREDENTIALS_FILE = 'credentials.json';

export interface HostUser {
  username: string;
  roles: string[];
  /** `all` for the administrator, who passes every authorization check like Kibana's superuser. */
  privileges: 'all' | ReadonlySet<string>;
}

export interface AdminCredentials {
  username: string;
  password: string;
  /** Where the password came from; `generated` means this start created it and should show it once. */
  source: 'configured' | 'stored' | 'generated';
  file?: string;
}

/**
 * Configured credentials win. Otherwise the password stored in `<data>/credentials.json` is
 * reused, and on the very first start one is generated and written there (mode 0600).
 */
export function resolveAdminCredentials(options: { dataDir: string; username?: string; password?: string }): AdminCredentials {
  if (options.password) {
    return { username: options.username ?? DEFAULT_USERNAME, password: options.password, source: 'configured' };
  }
  const file = join(options.dataDir, CREDENTIALS_FILE);
  const stored = readStoredCredentials(file);
  if (stored) return { username: options.username ?? stored.username, password: stored.password, source: 'stored', file };

  const created = { username: options.username ?? DEFAULT_USERNAME, password: randomBytes(18).toString('base64url') };
  mkdirSync(options.dataDir, { recursive: true });
  try {
    // `wx` fails when another process created the file in the meantime; then its password wins.
    writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const raced = (error as NodeJS.ErrnoException).code === 'EEXIST' ? readStoredCredentials(file) : undefined;
    if (!raced) throw error;
    return { username: options.username ?? raced.username, password: raced.password, source: 'stored', file };
  }
  return { ...created, source: 'generated', file };
}

function readStoredCredentials(file: string): { username: string; password: string } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as { username?: unknown; password?: unknown };
  if (typeof parsed.password !== 'string' || parsed.password === '') {
    throw new Error(`${file} has no password; delete it to generate a new one`);
  }
  return { username: typeof parsed.username === 'string' ? parsed.username : DEFAULT_USERNAME, password: parsed.password };
}

interface UserEntry {
  user: HostUser;
  passwordDigest: Buffer;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export class BasicAuthenticator {
  private readonly users = new Map<string, UserEntry>();
  // Compared against when the username is unknown, so timing does not reveal which names exist.
  private readonly decoy = digest(randomBytes(16).toString('hex'));
  /**
   * Keys for work done on a user's behalf (Task Manager's fake requests), as Kibana grants an API
   * key to a task scheduled with a request. One per user, valid while this process runs.
   */
  private readonly apiKeys = new Map<string, { id: string; digest: Buffer; username: string }>();
  private readonly apiKeyHeaders = new Map<string, string>();

  constructor(admin: { username: string; password: string }, extraUsers: ConfiguredUser[]) {
    this.add({ username: admin.username, roles: ['superuser'], privileges: 'all' }, admin.password);
    for (const configured of extraUsers) {
      if (this.users.has(configured.username)) throw new Error(`auth.users: user "${configured.username}" is defined twice`);
      this.add({ username: configured.username, roles: [], privileges: new Set(configured.privileges) }, configured.password);
    }
  }

  private add(user: HostUser, password: string) {
    this.users.set(user.username, { user, passwordDigest: digest(password) });
  }

  getUser(username: string): HostUser | undefined {
    return this.users.get(username)?.user;
  }

  listUsers(): HostUser[] {
    return [...this.users.values()].map(({ user }) => user);
  }

  /** An `Authorization: ApiKey …` header value that authenticates as `username`. */
  apiKeyHeader(username: string): string {
    const existing = this.apiKeyHeaders.get(username);
    if (existing) return existing;
    const secret = randomBytes(24).toString('base64url');
    const id = `${username}:${randomBytes(6).toString('hex')}`;
    this.apiKeys.set(id, { id, digest: digest(secret), username });
    const header = `ApiKey ${Buffer.from(`${id}|${secret}`, 'utf8').toString('base64')}`;
    this.apiKeyHeaders.set(username, header);
    return header;
  }

  private authenticateApiKey(encoded: string): HostUser | undefined {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const separator = decoded.lastIndexOf('|');
    const key = separator > 0 ? this.apiKeys.get(decoded.slice(0, separator)) : undefined;
    const matches = timingSafeEqual(digest(decoded.slice(separator + 1)), key?.digest ?? this.decoy);
    return matches && key ? this.getUser(key.username) : undefined;
  }

  /** The user named by a valid `Authorization: Basic` (or host-issued `ApiKey`) header, or undefined. */
  authenticate(authorization: string | undefined): HostUser | undefined {
    const apiKey = /^ApiKey\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization ?? '');
    if (apiKey) return this.authenticateApiKey(apiKey[1]);
    const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization ?? '');
    if (!match) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) return undefined;
    const entry = this.users.get(decoded.slice(0, separator));
    const matches = timingSafeEqual(digest(decoded.slice(separator + 1)), entry?.passwordDigest ?? this.decoy);
    return matches && entry ? entry.user : undefined;
  }
}

export const basicAuthorizationHeader = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
