import { OutboundAddressErrorCode as Code } from './error-code';
import { OutboundAddressError } from './outbound-address-error';
import { OutboundAddressGuard } from './outbound-address-guard';
import { fakeResolver } from './testing/fake-resolver';

const PUBLIC_V4 = '93.184.216.34';
const PUBLIC_V6 = '2606:2800:220:1:248:1893:25c8:1946';

const DNS = {
  'api.partner.example': [PUBLIC_V4, PUBLIC_V6],
  'rebind.example': ['10.0.0.5'],
  'mixed.example': [PUBLIC_V4, '127.0.0.1'],
  'mapped.example': ['::ffff:169.254.169.254'],
  'two-internal.example': ['10.0.0.5', '127.0.0.1'],
  'empty.example': [],
  'garbage.example': ['not-an-ip'],
  'servfail.example': Object.assign(new Error('queryA ESERVFAIL'), { code: 'ESERVFAIL' }),
  'crm.corp': ['10.0.0.7'],
  'partner.corp': ['10.0.0.8'],
};

function guardWith(allowedHosts: string[] = []) {
  const resolver = fakeResolver(DNS);
  return { guard: new OutboundAddressGuard({ allowedHosts, resolver }), resolver };
}

describe(OutboundAddressGuard.name, () => {
  describe('literal internal addresses, in every form the URL parser accepts', () => {
    it.each([
      ['http://127.0.0.1/', '127.0.0.1', '127.0.0.1'],
      ['http://127.1/', '127.0.0.1', '127.0.0.1'],
      ['http://0x7f.1/', '127.0.0.1', '127.0.0.1'],
      ['http://2130706433/', '127.0.0.1', '127.0.0.1'],
      ['http://0177.0.0.1/', '127.0.0.1', '127.0.0.1'],
      ['http://017700000001/', '127.0.0.1', '127.0.0.1'],
      ['http://%31%32%37.0.0.1/', '127.0.0.1', '127.0.0.1'],
      ['http://[::1]/', '::1', '::1'],
      ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1', '::ffff:7f00:1'],
      ['http://[::ffff:7f00:1]/', '::ffff:7f00:1', '::ffff:7f00:1'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254', '169.254.169.254'],
      ['http://10.0.0.1/', '10.0.0.1', '10.0.0.1'],
      ['http://10.255.255.255:8080/', '10.255.255.255', '10.255.255.255'],
      ['http://172.16.0.1/', '172.16.0.1', '172.16.0.1'],
      ['http://172.31.1.1/', '172.31.1.1', '172.31.1.1'],
      ['http://192.168.0.1/', '192.168.0.1', '192.168.0.1'],
      ['http://100.64.0.1/', '100.64.0.1', '100.64.0.1'],
      ['http://0.0.0.0/', '0.0.0.0', '0.0.0.0'],
      ['http://0/', '0.0.0.0', '0.0.0.0'],
      ['http://[fd00::1]/', 'fd00::1', 'fd00::1'],
      ['http://[fe80::1]/', 'fe80::1', 'fe80::1'],
      ['http://[::]/', '::', '::'],
      ['https://198.18.0.1/', '198.18.0.1', '198.18.0.1'],
      ['https://192.0.2.1/', '192.0.2.1', '192.0.2.1'],
      ['https://224.0.0.1/', '224.0.0.1', '224.0.0.1'],
      ['https://255.255.255.255/', '255.255.255.255', '255.255.255.255'],
    ])('refuses %s without asking DNS', async (url, host, address) => {
      const { guard, resolver } = guardWith();
      await expect(guard.check(url)).resolves.toMatchObject({
        allowed: false,
        code: Code.INTERNAL_ADDRESS,
        host,
        address,
      });
      expect(resolver.asked).toEqual([]);
    });

    it('tells the operator which host, which kind of address and how to allow it', async () => {
      const { guard } = guardWith();
      const verdict = await guard.check('http://169.254.169.254/latest/meta-data/');
      expect(verdict.allowed === false && verdict.message).toBe(
        'The host 169.254.169.254 is an internal address (link-local, home of the cloud metadata ' +
          'service 169.254.169.254, 169.254.0.0/16); LeadRail does not send to internal addresses. ' +
          'To send to it anyway (tests, on-premise partners), an operator adds "169.254.169.254" ' +
          'to OUTBOUND_ALLOWED_HOSTS.',
      );
    });

    it('allows a public address, with the normalised URL and port', async () => {
      const { guard, resolver } = guardWith();
      await expect(guard.check(`HTTP://${PUBLIC_V4}:80/leads?x=1`)).resolves.toEqual({
        allowed: true,
        url: `http://${PUBLIC_V4}/leads?x=1`,
        host: PUBLIC_V4,
        port: 80,
        addresses: [PUBLIC_V4],
      });
      expect(resolver.asked).toEqual([]);
    });
  });

  describe('internal host names', () => {
    it.each([
      ['http://localhost/', 'localhost'],
      ['http://localhost./', 'localhost'],
      ['http://LOCALHOST:3000/', 'localhost'],
      ['http://foo.localhost/', 'foo.localhost'],
      ['http://foo.localhost./', 'foo.localhost'],
      ['http://intranet/', 'intranet'],
      ['http://intranet./', 'intranet'],
      ['http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal'],
      ['http://metadata.google.internal./', 'metadata.google.internal'],
      ['https://printer.local/', 'printer.local'],
      ['https://router.lan./', 'router.lan'],
      ['https://nas.home.arpa/', 'nas.home.arpa'],
      ['https://crm.corp/', 'crm.corp'],
    ])('refuses %s without asking DNS', async (url, host) => {
      const { guard, resolver } = guardWith();
      await expect(guard.check(url)).resolves.toMatchObject({
        allowed: false,
        code: Code.INTERNAL_HOST_NAME,
        host,
      });
      expect(resolver.asked).toEqual([]);
    });

    it('says why the name is internal and how to allow it', async () => {
      const verdict = await guardWith().guard.check('http://metadata.google.internal/');
      expect(verdict.allowed === false && verdict.message).toBe(
        'The host "metadata.google.internal" ends in ".internal", reserved for private networks ' +
          '(ICANN, 2024); cloud metadata lives here; LeadRail does not send to hosts inside its ' +
          'own network. To send to it anyway (tests, on-premise partners), an operator adds ' +
          '"metadata.google.internal" to OUTBOUND_ALLOWED_HOSTS.',
      );
    });
  });

  describe('names, by every address they resolve to', () => {
    it('allows a public name resolving to public addresses, listing them', async () => {
      const { guard, resolver } = guardWith();
      await expect(guard.check('HTTPS://Api.Partner.Example:443/leads')).resolves.toEqual({
        allowed: true,
        url: 'https://api.partner.example/leads',
        host: 'api.partner.example',
        port: 443,
        addresses: [PUBLIC_V4, PUBLIC_V6],
      });
      expect(resolver.asked).toEqual(['api.partner.example']);
    });

    it('refuses a public name resolving to 10.0.0.5, naming host and address', async () => {
      const verdict = await guardWith().guard.check('https://rebind.example/leads');
      expect(verdict).toEqual({
        allowed: false,
        code: Code.INTERNAL_ADDRESS,
        host: 'rebind.example',
        address: '10.0.0.5',
        message:
          'The host rebind.example resolves to 10.0.0.5, an internal address (private (RFC 1918), ' +
          '10.0.0.0/8); LeadRail does not send to internal addresses. To send to it anyway (tests, ' +
          'on-premise partners), an operator adds "rebind.example" to OUTBOUND_ALLOWED_HOSTS.',
      });
    });

    it.each([
      ['mixed.example', '127.0.0.1'],
      ['mapped.example', '::ffff:a9fe:a9fe'],
      ['two-internal.example', '10.0.0.5'],
    ])('refuses %s: one internal record is enough', async (host, address) => {
      await expect(guardWith().guard.check(`https://${host}/`)).resolves.toMatchObject({
        allowed: false,
        code: Code.INTERNAL_ADDRESS,
        host,
        address,
      });
    });

    it.each([
      ['https://unknown.example/', 'ENOTFOUND'],
      ['https://servfail.example/', 'ESERVFAIL'],
      ['https://empty.example/', 'no A or AAAA record'],
    ])('refuses %s as unresolvable, with the cause', async (url, cause) => {
      const verdict = await guardWith().guard.check(url);
      expect(verdict).toMatchObject({ allowed: false, code: Code.UNRESOLVABLE_HOST });
      expect(verdict.allowed === false && verdict.message).toContain(
        `could not be resolved (${cause}): it needs a public DNS record (A or AAAA)`,
      );
    });

    it('refuses a resolver answer that is no address', async () => {
      await expect(guardWith().guard.check('https://garbage.example/')).resolves.toMatchObject({
        allowed: false,
        code: Code.UNRESOLVABLE_HOST,
        message:
          'The host garbage.example could not be resolved: the resolver answered "not-an-ip", not an IP address.',
      });
    });

    it('skips DNS when asked to (send time, where the guarded lookup checks the addresses)', async () => {
      const { guard, resolver } = guardWith();
      await expect(
        guard.check('https://rebind.example/', { resolve: false }),
      ).resolves.toMatchObject({ allowed: true, host: 'rebind.example', addresses: [] });
      expect(resolver.asked).toEqual([]);
    });
  });

  describe('schemes, credentials and malformed URLs', () => {
    it.each([
      ['ftp://api.partner.example/leads', 'ftp:'],
      ['file:///etc/passwd', 'file:'],
      ['javascript:alert(1)', 'javascript:'],
      ['gopher://api.partner.example:70/', 'gopher:'],
      ['data:text/plain,hello', 'data:'],
      ['ws://api.partner.example/', 'ws:'],
    ])('refuses %s', async (url, protocol) => {
      await expect(guardWith().guard.check(url)).resolves.toEqual({
        allowed: false,
        code: Code.UNSUPPORTED_SCHEME,
        message: `Only http: and https: URLs can be used, not "${protocol}".`,
      });
    });

    it.each([
      'https://user:secret@api.partner.example/leads',
      'https://user@api.partner.example/leads',
      'https://:secret@api.partner.example/leads',
    ])('refuses credentials in %s before looking at the host', async (url) => {
      const { guard, resolver } = guardWith();
      await expect(guard.check(url)).resolves.toEqual({
        allowed: false,
        code: Code.CREDENTIALS_IN_URL,
        host: 'api.partner.example',
        message:
          'The URL for api.partner.example carries credentials (user:password@), which would be ' +
          'stored and shown with it. Remove them and send them another way: a header such as ' +
          'Authorization, or the body.',
      });
      expect(resolver.asked).toEqual([]);
    });

    it.each([
      '',
      'not a url',
      'api.partner.example/leads',
      'http://',
      'https://[::1/',
      'http://1.2.3.4.5/',
    ])('refuses %j as invalid', async (url) => {
      await expect(guardWith().guard.check(url)).resolves.toMatchObject({
        allowed: false,
        code: Code.INVALID_URL,
      });
    });

    it.each(['http://a..b/', 'http://exa*mple.com/', 'http://localhost../'])(
      'refuses %s, whose host no DNS name looks like',
      async (url) => {
        await expect(guardWith().guard.check(url)).resolves.toMatchObject({
          allowed: false,
          code: Code.INVALID_URL,
        });
      },
    );
  });

  describe('the operator allow-list', () => {
    it('allows a named internal host on any port, without asking DNS', async () => {
      const { guard, resolver } = guardWith(['localhost']);
      await expect(guard.check('http://localhost:8080/hook')).resolves.toEqual({
        allowed: true,
        url: 'http://localhost:8080/hook',
        host: 'localhost',
        port: 8080,
        addresses: [],
        allowListedBy: 'localhost',
      });
      expect(resolver.asked).toEqual([]);
    });

    it('allows host:port on that port only (the scheme default counts)', async () => {
      const { guard } = guardWith(['partner.corp:8443', 'crm.corp:443']);
      await expect(guard.check('https://partner.corp:8443/')).resolves.toMatchObject({
        allowed: true,
      });
      await expect(guard.check('https://partner.corp/')).resolves.toMatchObject({
        allowed: false,
        code: Code.INTERNAL_HOST_NAME,
      });
      await expect(guard.check('https://crm.corp/')).resolves.toMatchObject({ allowed: true });
      await expect(guard.check('http://crm.corp/')).resolves.toMatchObject({ allowed: false });
    });

    it('allows a literal IP in any form once its canonical address is listed', async () => {
      const { guard } = guardWith(['127.0.0.1', '::1']);
      await expect(guard.check('http://0x7f.1:3000/')).resolves.toMatchObject({
        allowed: true,
        host: '127.0.0.1',
        allowListedBy: '127.0.0.1',
      });
      await expect(guard.check('http://[::1]/')).resolves.toMatchObject({ allowed: true });
      await expect(guard.check('http://127.0.0.2/')).resolves.toMatchObject({ allowed: false });
    });

    it('allows addresses inside a CIDR range, literal or resolved, but not others', async () => {
      const { guard } = guardWith(['10.0.0.0/8', 'fd00::/8']);
      await expect(guard.check('http://10.1.2.3/')).resolves.toMatchObject({ allowed: true });
      await expect(guard.check('http://[fd00::1]/')).resolves.toMatchObject({ allowed: true });
      await expect(guard.check('https://rebind.example/')).resolves.toMatchObject({
        allowed: true,
        addresses: ['10.0.0.5'],
        allowListedBy: '10.0.0.0/8',
      });
      await expect(guard.check('https://two-internal.example/')).resolves.toMatchObject({
        allowed: false,
        address: '127.0.0.1',
      });
    });

    it('needs the name itself for an internal name: an address range does not lift the name rule', async () => {
      const { guard } = guardWith(['10.0.0.0/8']);
      await expect(guard.check('https://crm.corp/')).resolves.toMatchObject({
        allowed: false,
        code: Code.INTERNAL_HOST_NAME,
      });
    });

    it('refuses to be built from a malformed allow-list, naming the setting', () => {
      expect(
        () =>
          new OutboundAddressGuard({ allowedHosts: 'localhost,10/8', resolver: fakeResolver({}) }),
      ).toThrow(
        'OUTBOUND_ALLOWED_HOSTS: "10/8" is not a valid CIDR range (e.g. 10.0.0.0/8 or fd00::/8)',
      );
    });
  });

  describe('assertAllowed', () => {
    it('throws the refusal as an OutboundAddressError carrying code, host and address', async () => {
      const error = await guardWith()
        .guard.assertAllowed('http://[::1]:8080/')
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(OutboundAddressError);
      expect(error).toMatchObject({ code: Code.INTERNAL_ADDRESS, host: '::1', address: '::1' });
    });

    it('resolves for an allowed URL', async () => {
      await expect(
        guardWith().guard.assertAllowed('https://api.partner.example/'),
      ).resolves.toBeUndefined();
    });
  });

  describe('addressesForConnection', () => {
    it('returns every address of a public name', async () => {
      await expect(
        guardWith().guard.addressesForConnection('api.partner.example', 443),
      ).resolves.toEqual([PUBLIC_V4, PUBLIC_V6]);
    });

    it.each([
      ['rebind.example', Code.INTERNAL_ADDRESS],
      ['localhost', Code.INTERNAL_HOST_NAME],
      ['127.0.0.1', Code.INTERNAL_ADDRESS],
      ['unknown.example', Code.UNRESOLVABLE_HOST],
      ['a..b', Code.INVALID_URL],
    ])('rejects %s with %s', async (hostname, code) => {
      await expect(guardWith().guard.addressesForConnection(hostname, 443)).rejects.toMatchObject({
        name: 'OutboundAddressError',
        code,
      });
    });

    it('returns the internal addresses of an allow-listed name without judging them', async () => {
      await expect(
        guardWith(['partner.corp']).guard.addressesForConnection('PARTNER.corp.', 443),
      ).resolves.toEqual(['10.0.0.8']);
    });
  });
});
