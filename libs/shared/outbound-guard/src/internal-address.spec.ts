import { internalAddress } from './internal-address';

describe(internalAddress.name, () => {
  it.each([
    ['127.0.0.1', 'loopback', 'loopback, 127.0.0.0/8'],
    ['127.255.255.254', 'loopback', 'loopback, 127.0.0.0/8'],
    ['10.0.0.5', 'private', 'private (RFC 1918), 10.0.0.0/8'],
    ['172.16.0.1', 'private', 'private (RFC 1918), 172.16.0.0/12'],
    ['172.31.255.255', 'private', 'private (RFC 1918), 172.16.0.0/12'],
    ['192.168.1.1', 'private', 'private (RFC 1918), 192.168.0.0/16'],
    [
      '169.254.169.254',
      'linkLocal',
      'link-local, home of the cloud metadata service 169.254.169.254, 169.254.0.0/16',
    ],
    ['100.64.0.1', 'carrierGradeNat', 'carrier-grade NAT shared space (RFC 6598), 100.64.0.0/10'],
    ['0.0.0.0', 'unspecified', '"this network" (0.0.0.0 reaches the local host), 0.0.0.0/8'],
    ['0.1.2.3', 'unspecified', '"this network" (0.0.0.0 reaches the local host), 0.0.0.0/8'],
    ['255.255.255.255', 'broadcast', 'broadcast, 255.255.255.255/32'],
    ['224.0.0.1', 'multicast', 'multicast, 224.0.0.0/4'],
    ['239.255.255.250', 'multicast', 'multicast, 224.0.0.0/4'],
    ['240.0.0.1', 'reserved', 'reserved for future use, 240.0.0.0/4'],
    ['198.18.0.1', 'reserved', 'benchmarking (RFC 2544), 198.18.0.0/15'],
    ['198.19.255.1', 'reserved', 'benchmarking (RFC 2544), 198.18.0.0/15'],
    ['192.0.2.10', 'reserved', 'documentation, TEST-NET-1 (RFC 5737), 192.0.2.0/24'],
    ['198.51.100.7', 'reserved', 'documentation, TEST-NET-2 (RFC 5737), 198.51.100.0/24'],
    ['203.0.113.9', 'reserved', 'documentation, TEST-NET-3 (RFC 5737), 203.0.113.0/24'],
    ['192.0.0.170', 'reserved', 'IETF protocol assignments (RFC 6890), 192.0.0.0/24'],
  ])('refuses the IPv4 address %s as %s', (address, range, description) => {
    expect(internalAddress(address)).toEqual({ address, range, description });
  });

  it.each([
    ['::1', 'loopback', 'loopback, ::1/128'],
    ['::', 'unspecified', 'unspecified (reaches the local host), ::/128'],
    ['fe80::1', 'linkLocal', 'link-local, fe80::/10'],
    ['fd00::1', 'uniqueLocal', 'unique local (RFC 4193), fc00::/7'],
    ['fc00::1', 'uniqueLocal', 'unique local (RFC 4193), fc00::/7'],
    ['ff02::1', 'multicast', 'multicast, ff00::/8'],
    ['fec0::1', 'deprecatedSiteLocal', 'site-local (deprecated, RFC 3879), fec0::/10'],
    ['100::1', 'discard', 'discard-only (RFC 6666), 100::/64'],
    ['2001:db8::1', 'reserved', 'documentation (RFC 3849), 2001:db8::/32'],
    ['3fff::1', 'reserved', 'documentation (RFC 9637), 3fff::/20'],
    ['2001:2::1', 'benchmarking', 'benchmarking (RFC 5180), 2001:2::/48'],
    ['64:ff9b:1::a00:1', 'rfc6052', 'local-use NAT64 (RFC 8215), 64:ff9b:1::/48'],
    ['::1:2:3:4', 'unicast', 'outside global unicast 2000::/3, reserved by the IETF'],
  ])('refuses the IPv6 address %s as %s', (address, range, description) => {
    expect(internalAddress(address)).toEqual({ address, range, description });
  });

  it.each([
    [
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      'the IPv4-mapped form of 127.0.0.1: loopback, 127.0.0.0/8',
    ],
    ['::ffff:7f00:1', '::ffff:7f00:1', 'the IPv4-mapped form of 127.0.0.1: loopback, 127.0.0.0/8'],
    [
      '::ffff:a9fe:a9fe',
      '::ffff:a9fe:a9fe',
      'the IPv4-mapped form of 169.254.169.254: link-local, home of the cloud metadata service 169.254.169.254, 169.254.0.0/16',
    ],
    [
      '::ffff:0:a00:5',
      '::ffff:0:a00:5',
      'the IPv4-translated form (RFC 6145) of 10.0.0.5: private (RFC 1918), 10.0.0.0/8',
    ],
    ['::127.0.0.1', '::7f00:1', 'the IPv4-compatible form of 127.0.0.1: loopback, 127.0.0.0/8'],
    [
      '64:ff9b::10.0.0.5',
      '64:ff9b::a00:5',
      'the NAT64 form (64:ff9b::/96) of 10.0.0.5: private (RFC 1918), 10.0.0.0/8',
    ],
    [
      '2002:c0a8:101::1',
      '2002:c0a8:101::1',
      'the 6to4 form (2002::/16) of 192.168.1.1: private (RFC 1918), 192.168.0.0/16',
    ],
    // Teredo: server 65.54.227.120 (public), client 127.0.0.1 stored inverted.
    [
      '2001:0:4136:e378:8000:63bf:80ff:fffe',
      '2001:0:4136:e378:8000:63bf:80ff:fffe',
      'the Teredo form (2001::/32) of 127.0.0.1: loopback, 127.0.0.0/8',
    ],
    // Teredo: server 10.0.0.1 (private).
    [
      '2001:0:a00:1::',
      '2001:0:a00:1::',
      'the Teredo form (2001::/32) of 10.0.0.1: private (RFC 1918), 10.0.0.0/8',
    ],
  ])('refuses %s, an IPv6 form of an internal IPv4 address', (input, address, description) => {
    expect(internalAddress(input)).toMatchObject({ address, description });
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '192.175.48.1',
    '2606:2800:220:1:248:1893:25c8:1946',
    '2a00:1450:4009:81f::200e',
    '::ffff:93.184.216.34',
    '64:ff9b::8.8.8.8',
    '2002:5db8:d822::1',
    '2001:0:4136:e378:8000:63bf:a2b7:f6f5',
  ])('allows the public address %s', (address) => {
    expect(internalAddress(address)).toBeUndefined();
  });

  it.each(['::8.8.8.8', '::808:808'])(
    'refuses the IPv4-compatible %s even for a public address: the form is retired',
    (address) => {
      expect(internalAddress(address)?.description).toBe(
        'outside global unicast 2000::/3, reserved by the IETF',
      );
    },
  );

  it('refuses text that is no IP address rather than guess', () => {
    expect(() => internalAddress('0x7f.1')).toThrow('"0x7f.1" is not an IP address');
  });
});
