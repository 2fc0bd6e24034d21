import ipaddr from 'ipaddr.js';
import { AllowList } from './allow-list';
import { normaliseHost } from './host';

function allowList(setting: string): AllowList {
  const { allowList: parsed, problems } = AllowList.parse(setting);
  expect(problems).toEqual([]);
  return parsed;
}

function allowsHost(list: AllowList, host: string, port = 443): string | undefined {
  const normalised = normaliseHost(host);
  if (normalised === undefined) {
    throw new Error(`test bug: ${host} is no host`);
  }
  return list.allowingHost(normalised, port)?.text;
}

describe(AllowList.name, () => {
  it('reads a comma-separated setting, trimming entries and skipping blank ones', () => {
    const list = allowList(' partner.corp , 10.0.0.0/8,, ');
    expect(list.entries.map((entry) => entry.text)).toEqual(['partner.corp', '10.0.0.0/8']);
  });

  it('reads a list of entries as well as a setting', () => {
    expect(AllowList.parse(['localhost', '127.0.0.1']).allowList.entries).toHaveLength(2);
  });

  it('matches a host name case-insensitively, with or without a trailing dot, on any port', () => {
    const list = allowList('Partner.CORP.');
    expect(allowsHost(list, 'partner.corp', 8443)).toBe('Partner.CORP.');
    expect(allowsHost(list, 'PARTNER.corp.', 80)).toBe('Partner.CORP.');
    expect(allowsHost(list, 'api.partner.corp')).toBeUndefined();
  });

  it('matches an internationalised name in its punycode form', () => {
    expect(allowsHost(allowList('bücher.corp'), 'xn--bcher-kva.corp')).toBe('bücher.corp');
  });

  it('matches host:port on that port only', () => {
    const list = allowList('partner.corp:8443');
    expect(allowsHost(list, 'partner.corp', 8443)).toBe('partner.corp:8443');
    expect(allowsHost(list, 'partner.corp', 443)).toBeUndefined();
  });

  it('matches an IP address written in any form the URL parser normalises', () => {
    const list = allowList('0x7f.1');
    expect(allowsHost(list, '127.0.0.1')).toBe('0x7f.1');
    expect(allowsHost(list, '127.0.0.2')).toBeUndefined();
  });

  it('matches an IPv6 address bare, bracketed, and bracketed with a port', () => {
    const list = allowList('FD00::0:1, [fd00::2], [fd00::3]:8080');
    expect(allowsHost(list, '[fd00::1]')).toBe('FD00::0:1');
    expect(allowsHost(list, 'fd00::2')).toBe('[fd00::2]');
    expect(allowsHost(list, 'fd00::3', 8080)).toBe('[fd00::3]:8080');
    expect(allowsHost(list, 'fd00::3', 80)).toBeUndefined();
  });

  it('matches an IPv4 address with a port', () => {
    const list = allowList('10.1.2.3:8080');
    expect(list.allowingAddress(ipaddr.parse('10.1.2.3'), 8080)?.text).toBe('10.1.2.3:8080');
    expect(list.allowingAddress(ipaddr.parse('10.1.2.3'), 80)).toBeUndefined();
  });

  it('matches the addresses of IPv4 and IPv6 CIDR ranges, and an IPv4-mapped address as its IPv4', () => {
    const list = allowList('10.0.0.0/8, fd00::/8');
    expect(list.allowingAddress(ipaddr.parse('10.200.0.1'), 443)?.text).toBe('10.0.0.0/8');
    expect(list.allowingAddress(ipaddr.parse('::ffff:10.200.0.1'), 443)?.text).toBe('10.0.0.0/8');
    expect(list.allowingAddress(ipaddr.parse('fd12::1'), 443)?.text).toBe('fd00::/8');
    expect(list.allowingAddress(ipaddr.parse('11.0.0.1'), 443)).toBeUndefined();
    expect(list.allowingAddress(ipaddr.parse('fe80::1'), 443)).toBeUndefined();
  });

  it('reads an IPv4-mapped CIDR range as the IPv4 range it is', () => {
    const list = allowList('::ffff:192.168.0.0/112');
    expect(list.allowingAddress(ipaddr.parse('192.168.4.4'), 80)?.text).toBe(
      '::ffff:192.168.0.0/112',
    );
  });

  it('does not let a name entry allow an address or an address entry allow a name', () => {
    const list = allowList('partner.corp, 10.0.0.5');
    expect(list.allowingAddress(ipaddr.parse('10.0.0.6'), 443)).toBeUndefined();
    expect(allowsHost(list, '10.0.0.5')).toBe('10.0.0.5');
    expect(allowsHost(list, 'other.corp')).toBeUndefined();
  });

  it.each([
    ['http://partner.corp', 'is a URL; list its host'],
    ['*.partner.corp', 'has a wildcard; list each host'],
    ['partner.corp:0', 'has a port outside 1-65535'],
    ['partner.corp:70000', 'has a port outside 1-65535'],
    ['partner.corp:http', 'is not a host name, host:port, IP address, [IPv6]:port or CIDR range'],
    ['partner.corp/leads', 'is not a valid CIDR range'],
    ['10/8', 'is not a valid CIDR range'],
    ['10.0.0.0/33', 'is not a valid CIDR range'],
    ['fd00::/129', 'is not a valid CIDR range'],
    ['user@partner.corp', 'is not a host name'],
    ['a..b', 'is not a host name'],
    ['[partner.corp]:80', 'is not a host name'],
    ['partner corp', 'is not a host name'],
  ])('reports the malformed entry %s', (entry, why) => {
    const { allowList: parsed, problems } = AllowList.parse(`localhost,${entry}`);
    expect(problems).toEqual([expect.stringContaining(`"${entry}" ${why}`)]);
    expect(parsed.entries.map((e) => e.text)).toEqual(['localhost']);
  });
});
