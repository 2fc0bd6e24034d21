import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookTransmission } from './paypal-api';
import { captureOf } from './paypal-answers';
import { PaypalClient, captureRequestId } from './paypal-client';
import { PaypalApiError } from './paypal-error';
import type { PaypalConnection } from './paypal.env';
import { PaypalTestServer, type WebhookDelivery } from './testing/paypal-test-server';

/** PaypalClient against the local PayPal (node:http), which refuses what PayPal refuses. */
describe('PaypalClient against the test PayPal', () => {
  let paypal: PaypalTestServer;
  let connection: PaypalConnection;
  let clock: number;
  let client: PaypalClient;

  beforeAll(async () => {
    paypal = await PaypalTestServer.start({ tokenTtlSeconds: 600 });
    connection = {
      baseUrl: paypal.baseUrl,
      clientId: paypal.clientId,
      clientSecret: paypal.clientSecret,
      webhookId: paypal.webhookId,
    };
  });

  afterAll(() => paypal?.stop());

  beforeEach(() => {
    clock = Date.now();
    client = new PaypalClient(connection, { now: () => clock });
  });

  const gbp = (value: string) => ({ currency_code: 'GBP', value });

  async function refusal(call: Promise<unknown>): Promise<PaypalApiError> {
    const error = await call.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PaypalApiError);
    return error as PaypalApiError;
  }

  function transmissionOf(delivery: WebhookDelivery): WebhookTransmission {
    return {
      authAlgo: delivery.headers['paypal-auth-algo']!,
      certUrl: delivery.headers['paypal-cert-url']!,
      transmissionId: delivery.headers['paypal-transmission-id']!,
      transmissionSig: delivery.headers['paypal-transmission-sig']!,
      transmissionTime: delivery.headers['paypal-transmission-time']!,
    };
  }

  async function capturedOrder(value = '25.00'): Promise<string> {
    const order = await client.createOrder({ amount: gbp(value), customId: 'partner-1' });
    paypal.approve(order.id);
    await client.captureOrder(order.id);
    return order.id;
  }

  it('fetches one token and reuses it until shortly before it expires', async () => {
    const before = paypal.tokenRequests;
    const order = await client.createOrder({ amount: gbp('10.00'), customId: 'partner-1' });
    await client.getOrder(order.id);
    await Promise.all([client.getOrder(order.id), client.getOrder(order.id)]);
    expect(paypal.tokenRequests - before).toBe(1);

    clock += 539_000; // 600 s tokens are replaced a minute early
    await client.getOrder(order.id);
    expect(paypal.tokenRequests - before).toBe(1);
    clock += 2_000;
    await client.getOrder(order.id);
    expect(paypal.tokenRequests - before).toBe(2);
  });

  it('shares one token request between concurrent first calls', async () => {
    const before = paypal.tokenRequests;
    await Promise.all(
      [1, 2, 3].map(() => client.createOrder({ amount: gbp('1.00'), customId: 'partner-1' })),
    );
    expect(paypal.tokenRequests - before).toBe(1);
  });

  it('replaces a token PayPal stopped accepting and makes the call once more', async () => {
    const order = await client.createOrder({ amount: gbp('3.00'), customId: 'partner-1' });
    paypal.revokeTokens();
    const before = paypal.tokenRequests;
    await expect(client.getOrder(order.id)).resolves.toMatchObject({ id: order.id });
    expect(paypal.tokenRequests - before).toBe(1);
  });

  it('reports credentials PayPal refuses with its OAuth error', async () => {
    const wrong = new PaypalClient({ ...connection, clientSecret: 'not-the-secret' });
    const error = await refusal(wrong.createOrder({ amount: gbp('1.00'), customId: 'p' }));
    expect(error).toMatchObject({ failure: 'refused', status: 401, issue: 'invalid_client' });
  });

  it('creates an order to approve, then captures it once approved', async () => {
    const order = await client.createOrder({ amount: gbp('25.00'), customId: 'partner-1' });
    expect(order.status).toBe('CREATED');
    expect(order.links.find((link) => link.rel === 'approve')?.href).toContain(order.id);

    const early = await refusal(client.captureOrder(order.id));
    expect(early).toMatchObject({ status: 422, issue: 'ORDER_NOT_APPROVED' });

    paypal.approve(order.id);
    const captured = await client.captureOrder(order.id);
    expect(captured.status).toBe('COMPLETED');
    expect(captureOf(captured)).toMatchObject({
      status: 'COMPLETED',
      amount: gbp('25.00'),
      custom_id: 'partner-1',
    });
    const capture = paypal.requests.filter((request) =>
      request.path.endsWith(`${order.id}/capture`),
    );
    expect(capture.map((request) => request.headers['paypal-request-id'])).toEqual([
      captureRequestId(order.id),
      captureRequestId(order.id),
    ]);
    expect(captureOf(await client.getOrder(order.id))?.id).toBe(captureOf(captured)?.id);
  });

  it('gets the first capture back when a capture is retried (same PayPal-Request-Id)', async () => {
    const orderId = await capturedOrder();
    const first = captureOf(await client.getOrder(orderId));
    const again = await client.captureOrder(orderId);
    expect(captureOf(again)?.id).toBe(first?.id);
  });

  it('is refused ORDER_ALREADY_CAPTURED for a second capture under another request id', async () => {
    const orderId = await capturedOrder();
    const token = (await (
      await fetch(`${paypal.baseUrl}/v1/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${paypal.clientId}:${paypal.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      })
    ).json()) as { access_token: string };
    const response = await fetch(`${paypal.baseUrl}/v2/checkout/orders/${orderId}/capture`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token.access_token}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      name: 'UNPROCESSABLE_ENTITY',
      details: [{ issue: 'ORDER_ALREADY_CAPTURED' }],
    });
  });

  it.each([
    [gbp('12.345'), 422, 'DECIMAL_PRECISION'],
    [{ currency_code: 'JPY', value: '10.50' }, 422, 'DECIMALS_NOT_SUPPORTED'],
    [{ currency_code: 'KRW', value: '1000' }, 422, 'CURRENCY_NOT_SUPPORTED'],
    [gbp('0.00'), 422, 'CANNOT_BE_ZERO_OR_NEGATIVE'],
    [gbp('-5.00'), 422, 'CANNOT_BE_ZERO_OR_NEGATIVE'],
    [gbp('12,34'), 400, 'INVALID_PARAMETER_SYNTAX'],
    [{ currency_code: 'GB', value: '1.00' }, 400, 'INVALID_STRING_LENGTH'],
  ])('maps PayPal refusing an order for %o to its issue (%d %s)', async (amount, status, issue) => {
    const error = await refusal(client.createOrder({ amount, customId: 'partner-1' }));
    expect(error).toMatchObject({ failure: 'refused', status, issue });
    expect(error.details.debugId).toEqual(expect.any(String));
  });

  it('maps an unknown order to RESOURCE_NOT_FOUND', async () => {
    const error = await refusal(client.getOrder('NOSUCHORDER0000001'));
    expect(error).toMatchObject({ status: 404, issue: 'INVALID_RESOURCE_ID' });
    expect(error.details.paypalName).toBe('RESOURCE_NOT_FOUND');
  });

  describe('verifies webhook deliveries with PayPal', () => {
    let delivery: WebhookDelivery;

    beforeAll(async () => {
      delivery = paypal.captureWebhook(await capturedOrder('7.50'));
    });

    it('confirms one PayPal signed, from its body exactly as received', async () => {
      await expect(
        client.verifyWebhookSignature(transmissionOf(delivery), delivery.body),
      ).resolves.toBe(true);
    });

    it('does not confirm a body changed on the way', async () => {
      const tampered = delivery.body.replace('"7.50"', '"750.00"');
      expect(tampered).not.toBe(delivery.body);
      await expect(client.verifyWebhookSignature(transmissionOf(delivery), tampered)).resolves.toBe(
        false,
      );
    });

    it('does not confirm the same event parsed and serialised again (other bytes)', async () => {
      const reserialised = JSON.stringify(JSON.parse(delivery.body));
      expect(reserialised).not.toBe(delivery.body);
      await expect(
        client.verifyWebhookSignature(transmissionOf(delivery), reserialised),
      ).resolves.toBe(false);
    });

    it('does not confirm a forged signature, or a delivery for another webhook', async () => {
      const forged = {
        ...transmissionOf(delivery),
        transmissionSig: Buffer.from('forged').toString('base64'),
      };
      await expect(client.verifyWebhookSignature(forged, delivery.body)).resolves.toBe(false);
      const other = new PaypalClient({ ...connection, webhookId: 'OTHERWEBHOOK1' });
      await expect(
        other.verifyWebhookSignature(transmissionOf(delivery), delivery.body),
      ).resolves.toBe(false);
    });
  });

  describe('when PayPal is out of reach', () => {
    let silent: Server;

    beforeAll(async () => {
      // Accepts connections and never answers.
      silent = createServer(() => undefined);
      await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    });

    afterAll(async () => {
      silent.closeAllConnections();
      await new Promise((closed) => silent.close(closed));
    });

    it('gives up after its timeout', async () => {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const slow = new PaypalClient({ ...connection, baseUrl: url }, { timeoutMs: 300 });
      const started = Date.now();
      const error = await refusal(slow.getOrder('ANYORDER'));
      expect(error.failure).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('reports a refused connection as unreachable', async () => {
      const closed = createServer();
      await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((done) => closed.close(done));
      const gone = new PaypalClient({ ...connection, baseUrl: `http://127.0.0.1:${port}` });
      expect((await refusal(gone.getOrder('ANYORDER'))).failure).toBe('unreachable');
    });
  });
});
