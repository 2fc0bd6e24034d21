import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/** A host as the guard compares it: an address in canonical text, or a DNS name. */
export type NormalisedHost =
  | { readonly kind: 'address'; readonly host: string; readonly address: ipaddr.IPv4 | ipaddr.IPv6 }
  | { readonly kind: 'name'; readonly host: string };

// The URL parser lets through characters no DNS name has (`*`, `!`, `=`…) and
// empty labels (`a..b`); such a host can only be a typo or a trick.
const LABEL = /^[a-z0-9_-]{1,63}$/;
const MAX_NAME_LENGTH = 253;

/**
 * Normalises a host the WHATWG URL parser produced (`URL#hostname`): numeric
 * IPv4 forms are already dotted decimal and names lower-case punycode, so this
 * only removes IPv6 brackets and one trailing dot (`localhost.` is
 * `localhost`), and checks a name is made of DNS labels.
 */
export function normaliseParsedHost(hostname: string): NormalisedHost | undefined {
  const unbracketed =
    hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (isIP(unbracketed) !== 0) {
    const address = ipaddr.parse(unbracketed);
    return { kind: 'address', host: address.toString(), address };
  }
  const name = unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    return undefined;
  }
  return name.split('.').every((label) => LABEL.test(label))
    ? { kind: 'name', host: name }
    : undefined;
}

/**
 * Parses an IP address in text (as a resolver or getaddrinfo prints it), or
 * undefined when it is not one. IPv6 goes through the URL parser first because
 * ipaddr.js reads `::127.0.0.1` as `::ffff:127.0.0.1`, while it is the
 * IPv4-compatible `::7f00:1` for the OS and the URL parser. A zone (`%eth0`) is dropped.
 */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const family = isIP(text);
  if (family === 4) {
    return ipaddr.parse(text);
  }
  if (family !== 6) {
    return undefined;
  }
  try {
    const [withoutZone = ''] = text.split('%');
    return ipaddr.parse(new URL(`http://[${withoutZone}]/`).hostname.slice(1, -1));
  } catch {
    return undefined;
  }
}

/**
 * Normalises a bare host (no scheme, port or path): an allow-list entry, or the
 * hostname Node hands a `lookup` function. It goes through the same URL parser
 * as a URL's host, so `LOCALHOST`, `0x7f.1`, `2130706433` and `bücher.example`
 * compare equal to what a URL with that host is normalised to.
 */
export function normaliseHost(raw: string): NormalisedHost | undefined {
  const bracketed = isIP(raw) === 6 ? `[${raw}]` : raw;
  // Anything that would make the parser read a port, credentials or a path is not a bare host.
  if (bracketed.length === 0 || /[\s/?#@\\]/.test(bracketed) || /:(?![^[]*\])/.test(bracketed)) {
    return undefined;
  }
  try {
    return normaliseParsedHost(new URL(`http://${bracketed}/`).hostname);
  } catch {
    return undefined;
  }
}
