import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicAuthenticator, basicAuthorizationHeader, resolveAdminCredentials } from './auth';

describe('resolveAdminCredentials', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'workflows-auth-')), 'data');
  });
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('generates a password on the first start, stores it with mode 0600 and reuses it', () => {
    const first = resolveAdminCredentials({ dataDir });
    expect(first).toEqual({ username: 'elastic', password: expect.stringMatching(/^[\w-]{24}$/), source: 'generated', file: join(dataDir, 'credentials.json') });
    expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(first.file!, 'utf8'))).toEqual({ username: 'elastic', password: first.password });

    const second = resolveAdminCredentials({ dataDir });
    expect(second).toEqual({ ...first, source: 'stored' });
  });

  it('uses configured credentials without touching the data folder', () => {
    expect(resolveAdminCredentials({ dataDir, username: 'admin', password: 'secret' })).toEqual({
      username: 'admin',
      password: 'secret',
      source: 'configured',
    });
    expect(() => statSync(join(dataDir, 'credentials.json'))).toThrow();
  });

  it('keeps the stored password when only the username is configured', () => {
    const first = resolveAdminCredentials({ dataDir });
    expect(resolveAdminCredentials({ dataDir, username: 'someone' })).toMatchObject({ username: 'someone', password: first.password, source: 'stored' });
  });
});

describe('BasicAuthenticator', () => {
  const authenticator = new BasicAuthenticator({ username: 'admin', password: 'pa:ss wörd' }, [
    { username: 'viewer', password: 'v', privileges: ['workflows_read'] },
  ]);

  it('accepts valid credentials, including colons and non-ASCII in the password', () => {
    expect(authenticator.authenticate(basicAuthorizationHeader('admin', 'pa:ss wörd'))).toEqual({ username: 'admin', roles: ['superuser'], privileges: 'all' });
    expect(authenticator.authenticate(basicAuthorizationHeader('viewer', 'v'))?.privileges).toEqual(new Set(['workflows_read']));
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Bearer abc'],
    ['a wrong password', basicAuthorizationHeader('admin', 'pa:ss')],
    ['an unknown user', basicAuthorizationHeader('nobody', 'pa:ss wörd')],
    ['no colon', `Basic ${Buffer.from('admin').toString('base64')}`],
  ])('rejects %s', (_case, header) => {
    expect(authenticator.authenticate(header)).toBeUndefined();
  });

  it('refuses a user defined twice', () => {
    expect(() => new BasicAuthenticator({ username: 'a', password: 'b' }, [{ username: 'a', password: 'c', privileges: [] }])).toThrow(
      'auth.users: user "a" is defined twice'
    );
  });
});

describe('host-issued API keys', () => {
  it('authenticate as the user they were issued for, and nothing else', () => {
    const authenticator = new BasicAuthenticator({ username: 'admin', password: 'pw' }, []);
    const header = authenticator.apiKeyHeader('admin');
    expect(header).toMatch(/^ApiKey /);
    expect(authenticator.authenticate(header)?.username).toBe('admin');
    const forged = `ApiKey ${Buffer.from('admin:000000000000|guess').toString('base64')}`;
    expect(authenticator.authenticate(forged)).toBeUndefined();
  });
});
