import ipaddr from 'ipaddr.js';
import { normaliseHost } from './host';

/** One OUTBOUND_ALLOWED_HOSTS entry, normalised. `text` is the entry as the operator wrote it. */
export type AllowListEntry =
  | { readonly kind: 'name'; readonly text: string; readonly name: string; readonly port?: number }
  | {
      readonly kind: 'addresses';
      readonly text: string;
      readonly range: [ipaddr.IPv4 | ipaddr.IPv6, number];
      readonly port?: number;
    };

/** An entry, or why it is malformed. */
export type ParsedEntry = { readonly entry: AllowListEntry } | { readonly problem: string };

const FORMS = 'a host name, host:port, IP address, [IPv6]:port or CIDR range';

/**
 * Parses one entry: `partner.corp`, `partner.corp:8443`, `10.1.2.3`,
 * `10.1.2.3:8080`, `fd00::1`, `[fd00::1]:8443`, `10.0.0.0/8` or `fd00::/8`.
 */
export function parseAllowListEntry(text: string): ParsedEntry {
  const refuse = (why: string): ParsedEntry => ({ problem: `"${text}" ${why}` });
  if (text.includes('://')) {
    return refuse(`is a URL; list its host (${FORMS})`);
  }
  if (text.includes('*')) {
    return refuse('has a wildcard; list each host (or a CIDR range of their addresses)');
  }
  if (text.includes('/')) {
    return parseRange(text, refuse);
  }
  const split = splitPort(text);
  if (split === undefined) {
    return refuse(`is not ${FORMS}`);
  }
  const port = split.port === undefined ? undefined : Number(split.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    return refuse('has a port outside 1-65535');
  }
  const host = normaliseHost(split.host);
  if (host === undefined) {
    return refuse(`is not ${FORMS}`);
  }
  const portPart = port === undefined ? {} : { port };
  return host.kind === 'name'
    ? { entry: { kind: 'name', text, name: host.host, ...portPart } }
    : { entry: { kind: 'addresses', text, range: singleAddress(host.host), ...portPart } };
}

/** `host[:port]`, `[v6][:port]` or a bare IPv6 address (more than one colon, no port). */
function splitPort(text: string): { host: string; port?: string } | undefined {
  const bracketed = /^(\[[^\]]+\])(?::(\d{1,5}))?$/.exec(text);
  if (bracketed) {
    return { host: bracketed[1] ?? '', port: bracketed[2] };
  }
  const colons = text.split(':').length - 1;
  if (colons > 1) {
    return { host: text };
  }
  const withPort = /^([^:]+):(\d{1,5})$/.exec(text);
  if (withPort) {
    return { host: withPort[1] ?? '', port: withPort[2] };
  }
  return colons === 0 ? { host: text } : undefined;
}

function parseRange(text: string, refuse: (why: string) => ParsedEntry): ParsedEntry {
  const [address = '', bits = ''] = text.split('/');
  // Four-part decimal only: ipaddr.js would read `10/8` as 0.0.0.10/8.
  const valid = address.includes(':')
    ? ipaddr.IPv6.isValidCIDR(text)
    : ipaddr.IPv4.isValidCIDRFourPartDecimal(text);
  if (!valid || !/^\d{1,3}$/.test(bits)) {
    return refuse('is not a valid CIDR range (e.g. 10.0.0.0/8 or fd00::/8)');
  }
  return { entry: { kind: 'addresses', text, range: unmapped(ipaddr.parseCIDR(text)) } };
}

function singleAddress(canonical: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const address = ipaddr.parse(canonical);
  return unmapped([address, address.kind() === 'ipv4' ? 32 : 128]);
}

/** `::ffff:10.0.0.0/104` is the IPv4 range 10.0.0.0/8: compare it as IPv4. */
function unmapped(range: [ipaddr.IPv4 | ipaddr.IPv6, number]): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const [address, bits] = range;
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return range;
}
