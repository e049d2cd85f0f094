import { schema } from '../schema';
import { failureOf } from '../test_helpers';

describe('schema.uri', () => {
  it.each(['https://example.com/a?b=1#c', 'http://[::1]:9200/', 'mailto:a@b.c', 'http://localhost:5601', 'file:///tmp/x%20y'])(
    'accepts %s unchanged',
    (value) => {
      expect(schema.uri().validate(value)).toBe(value);
    }
  );

  it.each(['example.com', 'http://exa mple.com', '1http://x', 'http://x/%zz', 'http://x/#a#b', ''])('rejects %p', (value) => {
    expect(failureOf(schema.uri(), value)).toBe('value must be a valid URI (see RFC 3986).');
  });

  it.each([
    ['http', 'ftp://example.com', 'expected URI with scheme [http].'],
    [['http', 'https'], 'ftp://example.com', 'expected URI with scheme [http|https].'],
  ])('with scheme %p rejects %s', (scheme, value, message) => {
    expect(failureOf(schema.uri({ scheme }), value)).toBe(message);
  });

  it('matches schemes without regard to case', () => {
    expect(schema.uri({ scheme: 'https' }).validate('HTTPS://example.com')).toBe('HTTPS://example.com');
  });

  it('requires a string', () => {
    expect(failureOf(schema.uri(), undefined)).toBe('expected value of type [string] but got [undefined]');
  });
});

describe('schema.ip', () => {
  it.each([
    [undefined, '10.0.0.1'],
    [undefined, '::1'],
    [['ipv4' as const], '192.168.0.1'],
  ])('versions %p accept %s', (versions, value) => {
    expect(schema.ip({ versions }).validate(value)).toBe(value);
  });

  it.each([
    [undefined, '10.0.0.256', 'value must be a valid ipv4 or ipv6 address'],
    [['ipv4' as const], '::1', 'value must be a valid ipv4 address'],
    [undefined, 5, 'expected value of type [string] but got [number]'],
  ])('versions %p reject %p', (versions, value, message) => {
    expect(failureOf(schema.ip({ versions }), value)).toBe(message);
  });
});
