import {
  type IncomingMessage,
  type RequestOptions,
  type Server,
  createServer,
  request,
} from 'node:http';
import type { AddressInfo, LookupFunction, TcpNetConnectOpts } from 'node:net';
import { OutboundAddressErrorCode as Code } from './error-code';
import { guardedLookup } from './guarded-lookup';
import { createDnsResolver } from './host-resolver';
import { OutboundAddressGuard } from './outbound-address-guard';
import { fakeResolver } from './testing/fake-resolver';

/** A real local HTTP server counting the requests that reach it. */
let server: Server;
let port: number;
let received = 0;

beforeAll(async () => {
  server = createServer((_request, response) => {
    received += 1;
    response.end('lead accepted');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
});

beforeEach(() => {
  received = 0;
});

/**
 * POSTs a lead to `url` through node:http with the given lookup: the response
 * body, or the error. A fresh connection each time (`agent: false`): a pooled
 * keep-alive connection would be reused without any lookup.
 */
function post(
  url: string,
  lookup: LookupFunction,
  autoSelectFamily = true,
): Promise<{ body: string } | { error: NodeJS.ErrnoException }> {
  // Node passes autoSelectFamily on to net.connect; @types/node 20 omits it from request options.
  const options: RequestOptions & Pick<TcpNetConnectOpts, 'autoSelectFamily'> = {
    method: 'POST',
    lookup,
    autoSelectFamily,
    agent: false,
  };
  return new Promise((resolve) => {
    const outgoing = request(url, options, (response: IncomingMessage) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ body }));
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => resolve({ error }));
    outgoing.end('<lead/>');
  });
}

describe('OutboundAddressGuard.lookupFor over a real HTTP connection', () => {
  const realDns = createDnsResolver();

  it('refuses to connect to localhost (which resolves to 127.0.0.1): no request reaches the server', async () => {
    const guard = new OutboundAddressGuard({ resolver: realDns });
    const url = `http://localhost:${port}/leads`;
    const result = await post(url, guard.lookupFor(url));
    expect(result).toMatchObject({
      error: { name: 'OutboundAddressError', code: Code.INTERNAL_HOST_NAME },
    });
    expect(received).toBe(0);
  });

  it('connects to localhost once the operator allow-lists it', async () => {
    const guard = new OutboundAddressGuard({ allowedHosts: ['localhost'], resolver: realDns });
    const url = `http://localhost:${port}/leads`;
    await expect(post(url, guard.lookupFor(url))).resolves.toEqual({ body: 'lead accepted' });
    expect(received).toBe(1);
  });

  it('refuses a name that passed the save-time check but now resolves to 127.0.0.1 (DNS rebinding)', async () => {
    const answers: Record<string, string[]> = { 'partner.example': ['93.184.216.34'] };
    const resolver = (hostname: string) => fakeResolver(answers)(hostname);
    const guard = new OutboundAddressGuard({ resolver });
    const url = `http://partner.example:${port}/leads`;
    await expect(guard.check(url)).resolves.toMatchObject({ allowed: true });

    answers['partner.example'] = ['127.0.0.1'];
    const result = await post(url, guard.lookupFor(url));
    expect(result).toMatchObject({
      error: { code: Code.INTERNAL_ADDRESS, host: 'partner.example', address: '127.0.0.1' },
    });
    expect(received).toBe(0);
  });

  it.each([true, false])(
    'connects through a name resolving to an allow-listed address (autoSelectFamily %s)',
    async (autoSelectFamily) => {
      const resolver = fakeResolver({ 'partner.example': ['127.0.0.1'] });
      const guard = new OutboundAddressGuard({ allowedHosts: [`127.0.0.1:${port}`], resolver });
      const url = `http://partner.example:${port}/leads`;
      await expect(post(url, guard.lookupFor(url), autoSelectFamily)).resolves.toEqual({
        body: 'lead accepted',
      });
      expect(received).toBe(1);
    },
  );

  it('binds the port: an address allowed on one port is refused on another', async () => {
    const resolver = fakeResolver({ 'partner.example': ['127.0.0.1'] });
    const guard = new OutboundAddressGuard({ allowedHosts: ['127.0.0.1:1'], resolver });
    const url = `http://partner.example:${port}/leads`;
    await expect(post(url, guard.lookupFor(url))).resolves.toMatchObject({
      error: { code: Code.INTERNAL_ADDRESS },
    });
    expect(received).toBe(0);
  });

  it('will not build a lookup for a URL that is not http(s)', () => {
    const guard = new OutboundAddressGuard({ resolver: realDns });
    expect(() => guard.lookupFor('ftp://partner.example/')).toThrow(
      'Only http: and https: URLs can be used, not "ftp:".',
    );
  });
});

describe(guardedLookup.name, () => {
  const addresses = () => Promise.resolve(['2001:4860:4860::8888', '8.8.8.8', '8.8.4.4']);

  function lookUp(options: Parameters<LookupFunction>[1]): Promise<unknown[]> {
    return new Promise((resolve) =>
      guardedLookup(addresses)('dns.example', options, (...args) => resolve(args)),
    );
  }

  it('answers every address with its family when asked for all', async () => {
    await expect(lookUp({ all: true })).resolves.toEqual([
      null,
      [
        { address: '2001:4860:4860::8888', family: 6 },
        { address: '8.8.8.8', family: 4 },
        { address: '8.8.4.4', family: 4 },
      ],
    ]);
  });

  it('answers the first address of the wanted family when asked for one', async () => {
    await expect(lookUp({ family: 4 })).resolves.toEqual([null, '8.8.8.8', 4]);
    await expect(lookUp({ family: 'IPv6' })).resolves.toEqual([null, '2001:4860:4860::8888', 6]);
    await expect(lookUp({})).resolves.toEqual([null, '2001:4860:4860::8888', 6]);
  });

  it('fails like getaddrinfo when no address of the wanted family is left', async () => {
    const only4 = () => Promise.resolve(['8.8.8.8']);
    const args = await new Promise<unknown[]>((resolve) =>
      guardedLookup(only4)('dns.example', { family: 6, all: true }, (...a) => resolve(a)),
    );
    expect(args).toEqual([expect.objectContaining({ code: 'ENOTFOUND' }), []]);
  });
});
