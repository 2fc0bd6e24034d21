import ipaddr from 'ipaddr.js';

/** IPv4 addresses an IPv6 address carries, and the name of the form that carries them. */
export interface EmbeddedIPv4 {
  readonly form: string;
  readonly addresses: readonly ipaddr.IPv4[];
}

function ipv4From(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/**
 * The IPv4 address(es) inside an IPv6 address whose traffic ends up at that
 * IPv4 address (or can be made to): a host, a NAT64 gateway or a tunnel
 * relay forwards it there, so `::ffff:127.0.0.1` is as internal as 127.0.0.1.
 * `range` is the address's ipaddr.js range.
 */
export function embeddedIPv4(address: ipaddr.IPv6, range: string): EmbeddedIPv4 | undefined {
  const p = address.parts;
  const last = (): ipaddr.IPv4 => ipv4From(p[6] ?? 0, p[7] ?? 0);
  switch (range) {
    case 'ipv4Mapped':
      return { form: 'the IPv4-mapped form', addresses: [last()] };
    case 'rfc6145':
      return { form: 'the IPv4-translated form (RFC 6145)', addresses: [last()] };
    case 'rfc6052':
      // Only the well-known prefix 64:ff9b::/96 says where the IPv4 bits are;
      // the local-use 64:ff9b:1::/48 is refused as a whole.
      return p.slice(2, 6).every((part) => part === 0)
        ? { form: 'the NAT64 form (64:ff9b::/96)', addresses: [last()] }
        : undefined;
    case '6to4':
      return { form: 'the 6to4 form (2002::/16)', addresses: [ipv4From(p[1] ?? 0, p[2] ?? 0)] };
    case 'teredo':
      // Server address in clear, client address inverted (RFC 4380 §4).
      return {
        form: 'the Teredo form (2001::/32)',
        addresses: [
          ipv4From(p[2] ?? 0, p[3] ?? 0),
          ipv4From((p[6] ?? 0) ^ 0xffff, (p[7] ?? 0) ^ 0xffff),
        ],
      };
    default:
      // ::a.b.c.d, the deprecated IPv4-compatible form (RFC 4291 §2.5.5.1).
      return p.slice(0, 6).every((part) => part === 0)
        ? { form: 'the IPv4-compatible form', addresses: [last()] }
        : undefined;
  }
}
