import ipaddr from 'ipaddr.js';
import { IPV4_BLOCKS, IPV6_BLOCKS, IPV6_GLOBAL_UNICAST, describeBlock } from './address-blocks';
import { embeddedIPv4 } from './embedded-ipv4';
import { parseAddress } from './host';

/** Why an address is internal. */
export interface InternalAddress {
  /** The address checked, in canonical text. */
  readonly address: string;
  /** Its ipaddr.js range (`loopback`, `private`, `linkLocal`…), or the embedded IPv4's. */
  readonly range: string;
  /** Words for the operator: `loopback, 127.0.0.0/8`. */
  readonly description: string;
}

// Default deny: an address is public only in these ipaddr.js ranges, so a range
// a future ipaddr.js adds is refused until someone decides otherwise. AS112 and
// AMT are public anycast services, not anyone's internal network.
const PUBLIC_IPV4_RANGES = new Set(['unicast', 'as112', 'amt']);
const PUBLIC_IPV6_RANGES = new Set(['unicast', 'as112v6', 'amt']);
/** IPv6 forms that lead to an IPv4 address: as public as the IPv4 address they carry. */
const IPV4_CARRYING_RANGES = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052', '6to4', 'teredo']);

/**
 * Why `address` (an IPv4 address in dotted decimal, or any IPv6 text) is
 * internal, or undefined when it is a public unicast address LeadRail may send to.
 * Internal means: loopback, private, link-local (cloud metadata), unique local,
 * unspecified, carrier-grade NAT, broadcast, multicast, benchmarking,
 * documentation and reserved blocks, and IPv6 forms carrying such an IPv4.
 */
export function internalAddress(
  address: string | ipaddr.IPv4 | ipaddr.IPv6,
): InternalAddress | undefined {
  const parsed = typeof address === 'string' ? parseAddress(address) : address;
  if (parsed === undefined) {
    throw new TypeError(`"${String(address)}" is not an IP address`);
  }
  return parsed.kind() === 'ipv4'
    ? internalIPv4(parsed as ipaddr.IPv4)
    : internalIPv6(parsed as ipaddr.IPv6);
}

function internalIPv4(address: ipaddr.IPv4): InternalAddress | undefined {
  const range: string = address.range();
  if (PUBLIC_IPV4_RANGES.has(range)) {
    return undefined;
  }
  return {
    address: address.toString(),
    range,
    description: describeBlock(address, IPV4_BLOCKS, `special-purpose (${range})`),
  };
}

function internalIPv6(address: ipaddr.IPv6): InternalAddress | undefined {
  const range: string = address.range();
  const refused = (description: string): InternalAddress => ({
    address: address.toString(),
    range,
    description,
  });
  if (!PUBLIC_IPV6_RANGES.has(range) && !IPV4_CARRYING_RANGES.has(range)) {
    return refused(describeBlock(address, IPV6_BLOCKS, `special-purpose (${range})`));
  }
  const embedded = embeddedIPv4(address, range);
  for (const ipv4 of embedded?.addresses ?? []) {
    const inner = internalIPv4(ipv4);
    if (inner) {
      return {
        ...refused(`${embedded?.form} of ${inner.address}: ${inner.description}`),
        range: inner.range,
      };
    }
  }
  if (IPV4_CARRYING_RANGES.has(range)) {
    // Carries a public IPv4 address; without one (local-use NAT64) it is refused as a whole.
    return embedded ? undefined : refused(describeBlock(address, IPV6_BLOCKS, range));
  }
  if (!address.match(IPV6_GLOBAL_UNICAST)) {
    return refused('outside global unicast 2000::/3, reserved by the IETF');
  }
  return undefined;
}
