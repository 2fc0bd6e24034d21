import type { InternetAnswer, InternetResponse, InternetTransportError } from './internet-answer';
import { type InternetRequest, buildInternetRequest } from './internet-request';
import { InternetSender, type OutboundGuard } from './internet-sender';
import { type RecordingServer, type Route, startRecordingServer } from './testing/recording-server';
import { testGuard } from './testing/test-guard';

const DELIVERY_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';
const TIMEOUT = { timeoutMs: 5_000 };
const BODY = '{"first_name":"Ada","email":"ada@example.com"}';

const ok: Route = (_received, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"accepted"}');
};

function request(url: string, headers: Record<string, string> = {}): InternetRequest {
  return buildInternetRequest({
    method: 'json',
    url,
    body: BODY,
    headers,
    soapAction: null,
    deliveryId: DELIVERY_ID,
    attempt: 1,
  });
}

function asResponse(answer: InternetAnswer): InternetResponse {
  if (answer.kind !== 'response') {
    throw new Error(`expected a response, got ${answer.code}: ${answer.message}`);
  }
  return answer;
}

function asFailure(answer: InternetAnswer): InternetTransportError {
  if (answer.kind !== 'transport-error') {
    throw new Error(`expected a transport error, got HTTP ${answer.status}`);
  }
  return answer;
}

describe(`${InternetSender.name}: outbound guard and redirects`, () => {
  let partner: RecordingServer;
  let other: RecordingServer;
  const senders: InternetSender[] = [];

  function senderWith(guard: OutboundGuard): InternetSender {
    const sender = new InternetSender(guard);
    senders.push(sender);
    return sender;
  }

  beforeAll(async () => {
    other = await startRecordingServer({ '/landing': ok });
    partner = await startRecordingServer({
      '/json': ok,
      '/to-other': (_r, res) =>
        res.writeHead(307, { Location: `${other.origin}/landing?from=partner` }).end(),
      '/to-self': (_r, res) => res.writeHead(308, { Location: '/json#fragment' }).end(),
      '/to-metadata': (_r, res) =>
        res.writeHead(307, { Location: 'http://169.254.169.254/latest/meta-data/' }).end(),
      '/to-localhost': (_r, res) =>
        res.writeHead(307, { Location: `http://localhost:${other.port}/landing` }).end(),
      '/to-named': (_r, res) =>
        res.writeHead(307, { Location: `http://partner.example:${other.port}/landing` }).end(),
      '/to-file': (_r, res) => res.writeHead(307, { Location: 'file:///etc/passwd' }).end(),
      '/no-location': (_r, res) => res.writeHead(307).end(),
      '/see-other': (_r, res) => res.writeHead(303, { Location: '/json' }).end('see other'),
      '/moved': (_r, res) => res.writeHead(301, { Location: '/json' }).end(),
      '/found': (_r, res) => res.writeHead(302, { Location: '/json' }).end(),
      '/loop': (_r, res) => res.writeHead(307, { Location: '/loop' }).end(),
    });
  });

  afterAll(async () => {
    senders.forEach((sender) => sender.onModuleDestroy());
    await Promise.all([partner.close(), other.close()]);
  });

  beforeEach(() => {
    partner.received.length = 0;
    other.received.length = 0;
  });

  describe('the guard', () => {
    it('refuses 127.0.0.1 unless it is allow-listed, without connecting', async () => {
      const connections = partner.connections();
      const answer = asFailure(
        await senderWith(testGuard([])).send(request(`${partner.origin}/json`), TIMEOUT),
      );

      expect(answer.code).toBe('blocked-address');
      expect(answer.message).toContain('OUTBOUND_ALLOWED_HOSTS');
      expect(partner.connections()).toBe(connections);
      expect(partner.received).toHaveLength(0);
    });

    it('sends to 127.0.0.1 when it is allow-listed, on any port or the one listed', async () => {
      for (const entry of ['127.0.0.1', `127.0.0.1:${partner.port}`]) {
        const sender = senderWith(testGuard([entry]));
        expect(
          asResponse(await sender.send(request(`${partner.origin}/json`), TIMEOUT)).status,
        ).toBe(200);
      }
      const wrongPort = senderWith(testGuard([`127.0.0.1:${other.port}`]));
      expect(asFailure(await wrongPort.send(request(`${partner.origin}/json`), TIMEOUT)).code).toBe(
        'blocked-address',
      );
    });

    it('checks the address connected to: a public-looking name resolving to 127.0.0.1 is refused', async () => {
      const connections = partner.connections();
      const sender = senderWith(testGuard([], { 'partner.example': [['127.0.0.1']] }));

      const answer = asFailure(
        await sender.send(request(`http://partner.example:${partner.port}/json`), TIMEOUT),
      );

      expect(answer.code).toBe('blocked-address');
      expect(answer.message).toContain('127.0.0.1');
      expect(partner.connections()).toBe(connections);
    });

    it('connects to the address it checked when that address is allow-listed', async () => {
      const sender = senderWith(testGuard(['127.0.0.1'], { 'partner.example': [['127.0.0.1']] }));

      const answer = asResponse(
        await sender.send(request(`http://partner.example:${partner.port}/json`), TIMEOUT),
      );

      expect(answer.status).toBe(200);
      expect(partner.received[0]?.headers.host).toBe(`partner.example:${partner.port}`);
    });

    it('defeats DNS rebinding: public when the URL is checked, 127.0.0.1 when the lead is sent', async () => {
      const connections = partner.connections();
      const guard = testGuard([], {
        'rebind.example': [['93.184.215.14'], ['127.0.0.1']],
      });
      const url = `http://rebind.example:${partner.port}/json`;
      expect(await guard.check(url)).toMatchObject({ allowed: true, addresses: ['93.184.215.14'] });

      const answer = asFailure(await senderWith(guard).send(request(url), TIMEOUT));

      expect(answer.code).toBe('blocked-address');
      expect(partner.connections()).toBe(connections);
    });

    it('refuses a name refused by its form (localhost), even with 127.0.0.1 allow-listed', async () => {
      const answer = asFailure(
        await senderWith(testGuard(['127.0.0.1'])).send(
          request(`http://localhost:${partner.port}/json`),
          TIMEOUT,
        ),
      );
      expect(answer.code).toBe('blocked-address');
    });

    it('refuses what is not an http(s) URL without credentials', async () => {
      const sender = senderWith(testGuard(['127.0.0.1']));
      const raw = request(`${partner.origin}/json`);
      for (const url of ['ftp://127.0.0.1/', `http://user:pw@127.0.0.1:${partner.port}/json`]) {
        expect(asFailure(await sender.send({ ...raw, url }, TIMEOUT)).code).toBe('invalid-url');
      }
    });
  });

  describe('redirects', () => {
    it('follows a 307 to an allowed address with the same POST, body and headers', async () => {
      const sender = senderWith(testGuard(['127.0.0.1']));

      const answer = asResponse(
        await sender.send(request(`${partner.origin}/to-other`, { 'X-Api-Key': 'k-123' }), TIMEOUT),
      );

      expect(answer).toMatchObject({
        status: 200,
        body: '{"status":"accepted"}',
        redirects: [`${other.origin}/landing?from=partner`],
      });
      const [followed] = other.received;
      expect(followed).toMatchObject({ method: 'POST', url: '/landing?from=partner', body: BODY });
      expect(followed?.headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'x-leadrail-delivery-id': DELIVERY_ID,
        'x-api-key': 'k-123',
      });
    });

    it('follows a relative 308, without the fragment', async () => {
      const answer = asResponse(
        await senderWith(testGuard(['127.0.0.1'])).send(
          request(`${partner.origin}/to-self`),
          TIMEOUT,
        ),
      );
      expect(answer.redirects).toEqual([`${partner.origin}/json`]);
      expect(partner.received.map((received) => received.url)).toEqual(['/to-self', '/json']);
    });

    it('checks every redirect with the guard: a blocked target is refused before connecting', async () => {
      const connections = other.connections();
      const sender = senderWith(testGuard([`127.0.0.1:${partner.port}`]));

      const blocked = asFailure(await sender.send(request(`${partner.origin}/to-other`), TIMEOUT));
      expect(blocked.code).toBe('blocked-address');
      expect(blocked.message).toContain(`the redirect to ${other.origin}/landing`);
      expect(blocked.redirects).toEqual([`${other.origin}/landing?from=partner`]);
      expect(other.connections()).toBe(connections);

      const metadata = asFailure(
        await sender.send(request(`${partner.origin}/to-metadata`), TIMEOUT),
      );
      expect(metadata.code).toBe('blocked-address');
      const localhost = asFailure(
        await sender.send(request(`${partner.origin}/to-localhost`), TIMEOUT),
      );
      expect(localhost.code).toBe('blocked-address');
    });

    it('checks the address a redirect connects to', async () => {
      const connections = other.connections();
      const sender = senderWith(
        testGuard([`127.0.0.1:${partner.port}`], { 'partner.example': [['127.0.0.1']] }),
      );
      const answer = asFailure(await sender.send(request(`${partner.origin}/to-named`), TIMEOUT));
      expect(answer.code).toBe('blocked-address');
      expect(other.connections()).toBe(connections);
    });

    it('does not send credential headers on to another host', async () => {
      const sender = senderWith(testGuard(['127.0.0.1'], { 'partner.example': [['127.0.0.1']] }));

      const answer = asResponse(
        await sender.send(
          request(`${partner.origin}/to-named`, {
            Authorization: 'Bearer abc',
            'X-Api-Key': 'k-123',
            'X-Campaign': 'spring',
          }),
          TIMEOUT,
        ),
      );

      expect(answer.status).toBe(200);
      const headers = other.received[0]?.headers ?? {};
      expect(headers['authorization']).toBeUndefined();
      expect(headers['x-api-key']).toBeUndefined();
      expect(headers).toMatchObject({
        'x-campaign': 'spring',
        'x-leadrail-delivery-id': DELIVERY_ID,
      });
      expect(partner.received[0]?.headers['x-api-key']).toBe('k-123');
    });

    it.each([
      ['/see-other', 303],
      ['/moved', 301],
      ['/found', 302],
    ])('answers %s (%d) itself rather than turn the POST into a GET', async (path, status) => {
      const answer = asResponse(
        await senderWith(testGuard(['127.0.0.1'])).send(
          request(`${partner.origin}${path}`),
          TIMEOUT,
        ),
      );
      expect(answer).toMatchObject({ status, redirects: [] });
      expect(answer.headers['location']).toBe('/json');
      expect(partner.received.map((received) => received.url)).toEqual([path]);
    });

    it('follows at most 3 redirects', async () => {
      const answer = asFailure(
        await senderWith(testGuard(['127.0.0.1'])).send(request(`${partner.origin}/loop`), TIMEOUT),
      );
      expect(answer.code).toBe('too-many-redirects');
      expect(answer.redirects).toHaveLength(3);
      expect(partner.received).toHaveLength(4);
      expect(partner.received.every((received) => received.method === 'POST')).toBe(true);
    });

    it('refuses a redirect without a Location, or to another scheme', async () => {
      const sender = senderWith(testGuard(['127.0.0.1']));
      for (const path of ['/no-location', '/to-file']) {
        const answer = asFailure(await sender.send(request(`${partner.origin}${path}`), TIMEOUT));
        expect(answer.code).toBe('invalid-redirect');
      }
    });
  });
});
