import ipaddr from 'ipaddr.js';

/** A special-purpose block and the words an operator reads in a refusal. */
export interface AddressBlock {
  readonly cidr: string;
  readonly range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  readonly words: string;
}

function block(cidr: string, words: string): AddressBlock {
  return { cidr, range: ipaddr.parseCIDR(cidr), words };
}

// Wording only: whether an address is refused is decided by its ipaddr.js range
// (internal-address.ts). These tables say which block it is in, most specific first.
export const IPV4_BLOCKS: readonly AddressBlock[] = [
  block('0.0.0.0/8', '"this network" (0.0.0.0 reaches the local host)'),
  block('10.0.0.0/8', 'private (RFC 1918)'),
  block('100.64.0.0/10', 'carrier-grade NAT shared space (RFC 6598)'),
  block('127.0.0.0/8', 'loopback'),
  block('169.254.0.0/16', 'link-local, home of the cloud metadata service 169.254.169.254'),
  block('172.16.0.0/12', 'private (RFC 1918)'),
  block('192.0.0.0/24', 'IETF protocol assignments (RFC 6890)'),
  block('192.0.2.0/24', 'documentation, TEST-NET-1 (RFC 5737)'),
  block('192.88.99.0/24', 'retired 6to4 relay anycast (RFC 7526)'),
  block('192.168.0.0/16', 'private (RFC 1918)'),
  block('198.18.0.0/15', 'benchmarking (RFC 2544)'),
  block('198.51.100.0/24', 'documentation, TEST-NET-2 (RFC 5737)'),
  block('203.0.113.0/24', 'documentation, TEST-NET-3 (RFC 5737)'),
  block('224.0.0.0/4', 'multicast'),
  block('255.255.255.255/32', 'broadcast'),
  block('240.0.0.0/4', 'reserved for future use'),
];

export const IPV6_BLOCKS: readonly AddressBlock[] = [
  block('::/128', 'unspecified (reaches the local host)'),
  block('::1/128', 'loopback'),
  block('fe80::/10', 'link-local'),
  block('fec0::/10', 'site-local (deprecated, RFC 3879)'),
  block('fc00::/7', 'unique local (RFC 4193)'),
  block('ff00::/8', 'multicast'),
  block('100::/64', 'discard-only (RFC 6666)'),
  block('64:ff9b:1::/48', 'local-use NAT64 (RFC 8215)'),
  block('2001:2::/48', 'benchmarking (RFC 5180)'),
  block('2001:10::/28', 'ORCHID identifiers, not routable'),
  block('2001:20::/28', 'ORCHIDv2 identifiers, not routable'),
  block('2001:30::/28', 'drone remote ID tags, not routable'),
  block('2001::/23', 'IETF protocol assignments'),
  block('2001:db8::/32', 'documentation (RFC 3849)'),
  block('3fff::/20', 'documentation (RFC 9637)'),
  block('5f00::/16', 'segment routing (RFC 9602)'),
];

/** Everything public on the IPv6 internet is in 2000::/3; the rest is special or unassigned. */
export const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/** The words for the block `address` is in, falling back to the ipaddr.js range name. */
export function describeBlock(
  address: ipaddr.IPv4 | ipaddr.IPv6,
  blocks: readonly AddressBlock[],
  fallback: string,
): string {
  const found = blocks.find(
    (candidate) => candidate.range[0].kind() === address.kind() && address.match(candidate.range),
  );
  return found ? `${found.words}, ${found.cidr}` : fallback;
}
