import { isIPv4, isIPv6 } from 'node:net';

export type IpVersion = 'ipv4' | 'ipv6';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** RFC 1123 host name (labels of letters, digits and inner hyphens) or an IP address. */
export function isHostname(text: string): boolean {
  if (isIPv4(text) || isIPv6(text)) return true;
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > 253) return false;
  return name.split('.').every((label) => LABEL.test(label));
}

export function isIp(text: string, versions: readonly IpVersion[]): boolean {
  return (versions.includes('ipv4') && isIPv4(text)) || (versions.includes('ipv6') && isIPv6(text));
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// RFC 3986 characters: unreserved, sub-delims, gen-delims and percent-encoded octets.
const URI_CHARS = /^(?:[a-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9a-f]{2})*$/i;

/** Returns the scheme of an RFC 3986 absolute URI, or undefined when the text is not one. */
export function uriScheme(text: string): string | undefined {
  const match = SCHEME.exec(text);
  if (!match || !URI_CHARS.test(text)) return undefined;
  const rest = text.slice(match[0].length);
  // The fragment delimiter may appear once; brackets only around an IPv6 authority host.
  if (rest.split('#').length > 2) return undefined;
  if (/[[\]]/.test(rest) && !/^\/\/(?:[^@/]*@)?\[[0-9a-f:.]+\](?::\d*)?(?:[/?#]|$)/i.test(rest)) return undefined;
  return match[1];
}
