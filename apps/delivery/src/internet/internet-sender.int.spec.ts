import { DeliveryMethod, renderTemplate } from '@leadrail/delivery-templates';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { InternetAnswer, InternetResponse, InternetTransportError } from './internet-answer';
import { type InternetRequest, buildInternetRequest } from './internet-request';
import { InternetSender, type OutboundGuard } from './internet-sender';
import { type RecordingServer, type Route, startRecordingServer } from './testing/recording-server';
import { testGuard } from './testing/test-guard';

const DELIVERY_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';
const TIMEOUT = { timeoutMs: 5_000 };
// Values that try to leave their place in the body.
const HOSTILE = {
  'lead.first_name': 'Ada "Bobby" </first_name><admin>1</admin> & ]]> \'',
  'lead.last_name': "O'Brien\r\nX-Injected: 1",
  'lead.email': 'ada@example.com&role=admin',
  'lead.answers.notes': `日本語 😀 \u2028 ${'x'.repeat(5_000)} ]]><x/>`,
  'delivery.id': DELIVERY_ID,
};

const ok: Route = (_received, res) => {
  res
    .writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Partner-Ref': 'P-77',
      'Set-Cookie': ['a=1', 'b=2'],
    })
    .end('{"status":"accepted","ref":"P-77"}');
};

function request(
  url: string,
  overrides: Partial<Parameters<typeof buildInternetRequest>[0]> = {},
): InternetRequest {
  return buildInternetRequest({
    method: 'json',
    url,
    body: '{"first_name":"Ada"}',
    headers: {},
    soapAction: null,
    deliveryId: DELIVERY_ID,
    attempt: 1,
    ...overrides,
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

describe(InternetSender.name, () => {
  let partner: RecordingServer;
  const senders: InternetSender[] = [];

  function senderWith(guard: OutboundGuard): InternetSender {
    const sender = new InternetSender(guard);
    senders.push(sender);
    return sender;
  }

  /** A sender whose guard allows 127.0.0.1 (any port), as the tests' OUTBOUND_ALLOWED_HOSTS would. */
  const allowingLocal = () => senderWith(testGuard(['127.0.0.1']));

  beforeAll(async () => {
    partner = await startRecordingServer({
      '/json': ok,
      '/xml': (_r, res) => res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<ok/>'),
      '/form': (_r, res) => res.writeHead(202).end('accepted'),
      '/error': (_r, res) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('internal'),
      '/hang': () => undefined,
      '/slow-body': (_r, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.write('partial');
      },
      '/reset': (_r, _res, req) => req.socket.resetAndDestroy(),
      '/close': (_r, _res, req) => req.socket.destroy(),
      '/big': (_r, res) =>
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('€'.repeat(40_000)),
      '/huge': (_r, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        const chunk = 'x'.repeat(64 * 1024);
        for (let i = 0; i < 40; i += 1) {
          res.write(chunk);
        }
        res.end();
      },
      '/gzip-bomb': (_r, res) =>
        res
          .writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' })
          .end(gzipSync(Buffer.alloc(4 * 1024 * 1024))),
      '/gzip': (_r, res) =>
        res
          .writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
          .end(gzipSync('{"status":"accepted"}')),
      '/latin1': (_r, res) =>
        res
          .writeHead(200, { 'Content-Type': 'text/plain; charset=iso-8859-1' })
          .end(Buffer.from([0x63, 0x61, 0x66, 0xe9])),
    });
  });

  afterAll(async () => {
    senders.forEach((sender) => sender.onModuleDestroy());
    await partner.close();
  });

  beforeEach(() => {
    partner.received.length = 0;
  });

  describe('the request as the partner receives it', () => {
    it('posts JSON with exactly the built headers and body', async () => {
      const body = renderTemplate(
        DeliveryMethod.JSON,
        '{"name": "{{ lead.first_name }} {{ lead.last_name }}", "email": {{ lead.email }}, "notes": {{ lead.answers.notes }}}',
        HOSTILE,
      );
      const built = request(`${partner.origin}/json?campaign=7`, {
        body,
        attempt: 2,
        headers: { 'X-Api-Key': 'k-123', 'Idempotency-Key': '{{ delivery.id }}' },
      });

      const answer = asResponse(await allowingLocal().send(built, TIMEOUT));

      expect(partner.received).toHaveLength(1);
      const [received] = partner.received;
      expect(received?.method).toBe('POST');
      expect(received?.url).toBe('/json?campaign=7');
      expect(received?.headers).toEqual({
        host: `127.0.0.1:${partner.port}`,
        'content-type': 'application/json; charset=utf-8',
        accept: '*/*',
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': 'LeadRail-Delivery/1.0',
        'x-leadrail-delivery-id': DELIVERY_ID,
        'x-leadrail-attempt': '2',
        'x-api-key': 'k-123',
        'idempotency-key': DELIVERY_ID,
        'content-length': String(Buffer.byteLength(body)),
        connection: 'keep-alive',
      });
      expect(received?.body).toBe(body);
      expect(JSON.parse(received?.body ?? '')).toEqual({
        name: `${HOSTILE['lead.first_name']} ${HOSTILE['lead.last_name']}`,
        email: HOSTILE['lead.email'],
        notes: HOSTILE['lead.answers.notes'],
      });
      expect(answer).toEqual({
        kind: 'response',
        status: 200,
        headers: expect.objectContaining({
          'content-type': 'application/json; charset=utf-8',
          'x-partner-ref': 'P-77',
          'set-cookie': 'a=1, b=2',
        }) as Record<string, string>,
        body: '{"status":"accepted","ref":"P-77"}',
        truncated: false,
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
        durationMs: expect.any(Number) as number,
        redirects: [],
      });
      expect(Object.keys(answer.headers).every((name) => name === name.toLowerCase())).toBe(true);
    });

    it('posts XML whose hostile values stay inside their elements', async () => {
      const body = renderTemplate(
        DeliveryMethod.XML,
        '<lead><name>{{ lead.first_name }}</name><notes><![CDATA[{{ lead.answers.notes }}]]></notes></lead>',
        HOSTILE,
      );
      const answer = asResponse(
        await allowingLocal().send(
          request(`${partner.origin}/xml`, { method: 'xml', body }),
          TIMEOUT,
        ),
      );

      expect(answer).toMatchObject({ status: 200, body: '<ok/>' });
      const [received] = partner.received;
      expect(received?.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(received?.body).toBe(body);
      expect(received?.body).not.toContain('<admin>');
    });

    it('posts a form whose values decode to exactly the lead data', async () => {
      const body = renderTemplate(
        DeliveryMethod.POST,
        'source=LeadRail&name={{ lead.first_name }}&email={{ lead.email }}&notes={{ lead.answers.notes }}',
        HOSTILE,
      );
      const answer = asResponse(
        await allowingLocal().send(
          request(`${partner.origin}/form`, { method: 'post', body }),
          TIMEOUT,
        ),
      );

      expect(answer).toMatchObject({ status: 202, body: 'accepted' });
      const [received] = partner.received;
      expect(received?.headers['content-type']).toBe(
        'application/x-www-form-urlencoded; charset=utf-8',
      );
      expect(Object.fromEntries(new URLSearchParams(received?.body))).toEqual({
        source: 'LeadRail',
        name: HOSTILE['lead.first_name'],
        email: HOSTILE['lead.email'],
        notes: HOSTILE['lead.answers.notes'],
      });
    });
  });

  describe('answers: every status is an answer for the outcome rules', () => {
    it('returns a 500 as a response', async () => {
      const answer = asResponse(
        await allowingLocal().send(request(`${partner.origin}/error`), TIMEOUT),
      );
      expect(answer).toMatchObject({ status: 500, body: 'internal', truncated: false });
    });

    it('decompresses gzip and decodes the charset the partner names', async () => {
      const sender = allowingLocal();
      expect(asResponse(await sender.send(request(`${partner.origin}/gzip`), TIMEOUT)).body).toBe(
        '{"status":"accepted"}',
      );
      expect(asResponse(await sender.send(request(`${partner.origin}/latin1`), TIMEOUT)).body).toBe(
        'café',
      );
    });

    it('keeps the first 64 KiB of a longer body, without cutting a character, and says so', async () => {
      const answer = asResponse(
        await allowingLocal().send(request(`${partner.origin}/big`), TIMEOUT),
      );
      expect(answer.truncated).toBe(true);
      expect(Buffer.byteLength(answer.body)).toBeLessThanOrEqual(64 * 1024);
      expect(answer.body).toBe('€'.repeat(Math.floor((64 * 1024) / 3)));
    });

    it('stops reading past 1 MiB: response-too-large', async () => {
      const answer = asFailure(
        await allowingLocal().send(request(`${partner.origin}/huge`), TIMEOUT),
      );
      expect(answer.code).toBe('response-too-large');
    });

    it('counts decompressed bytes, so a gzip bomb is too large too', async () => {
      const answer = asFailure(
        await allowingLocal().send(request(`${partner.origin}/gzip-bomb`), TIMEOUT),
      );
      expect(answer.code).toBe('response-too-large');
    });
  });

  describe('transport errors, never exceptions', () => {
    it('times out an endpoint that never answers, within the timeout', async () => {
      const answer = asFailure(
        await allowingLocal().send(request(`${partner.origin}/hang`), { timeoutMs: 300 }),
      );
      expect(answer).toMatchObject({
        code: 'timeout',
        message: 'no complete answer within 300 ms',
      });
      expect(answer.durationMs).toBeGreaterThanOrEqual(290);
      expect(answer.durationMs).toBeLessThan(3_000);
    });

    it('times out a body that never ends: the timeout covers the whole response', async () => {
      const answer = asFailure(
        await allowingLocal().send(request(`${partner.origin}/slow-body`), { timeoutMs: 300 }),
      );
      expect(answer.code).toBe('timeout');
    });

    it('reports a reset connection', async () => {
      const answer = asFailure(
        await allowingLocal().send(request(`${partner.origin}/reset`), TIMEOUT),
      );
      expect(answer.code).toBe('connection-reset');
    });

    it('reports a connection closed without an answer', async () => {
      const answer = asFailure(
        await allowingLocal().send(request(`${partner.origin}/close`), TIMEOUT),
      );
      expect(answer.code).toBe('connection-reset');
    });

    it('reports a refused connection', async () => {
      const closed = await startRecordingServer({});
      await closed.close();
      const answer = asFailure(
        await allowingLocal().send(request(`${closed.origin}/json`), TIMEOUT),
      );
      expect(answer.code).toBe('connection-refused');
    });

    it('reports an answer that is not HTTP', async () => {
      const garbage = createTcpServer((socket) => socket.end('HELLO THERE\r\n\r\n'));
      await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
      const { port } = garbage.address() as AddressInfo;
      try {
        const answer = asFailure(
          await allowingLocal().send(request(`http://127.0.0.1:${port}/`), TIMEOUT),
        );
        expect(answer.code).toBe('protocol-error');
      } finally {
        garbage.close();
      }
    });

    it('reports a TLS failure (https to a server that does not speak it)', async () => {
      const answer = asFailure(
        await allowingLocal().send(request(`https://127.0.0.1:${partner.port}/json`), TIMEOUT),
      );
      expect(answer.code).toBe('tls');
    });

    it('refuses a hand-made request whose header would carry a line break, sending nothing', async () => {
      const built = request(`${partner.origin}/json`);
      const hostile = {
        ...built,
        headers: { ...built.headers, 'X-Api-Key': 'k\r\nX-Injected: 1' },
      };
      const answer = asFailure(await allowingLocal().send(hostile, TIMEOUT));
      expect(answer.code).toBe('invalid-request');
      expect(partner.received).toHaveLength(0);
    });

    it('reports a name that does not resolve', async () => {
      const sender = senderWith(testGuard(['127.0.0.1']));
      const answer = asFailure(await sender.send(request('http://nowhere.example/leads'), TIMEOUT));
      expect(answer.code).toBe('dns');
    });
  });
});
