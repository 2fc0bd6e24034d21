import { randomUUID } from 'node:crypto';
import { PaypalClient } from './paypal-client';
import { PaypalTestServer, type WebhookDelivery } from './testing/paypal-test-server';
import { type PaypalTestApp, portalAccess, startPaypalTestApp } from './testing/paypal-test-app';

/**
 * PaypalModule's routes over HTTP, against the test PayPal and PostgreSQL,
 * with an in-memory PaymentRecorder standing in for billing core's (the
 * whole billing service's flow is billing's own end-to-end test).
 */
jest.setTimeout(60_000);

type Answer = { status: number; body: Record<string, unknown> };

describe('PayPal top-ups (/billing/…/paypal)', () => {
  let paypal: PaypalTestServer;
  let service: PaypalTestApp;
  const partner = randomUUID();
  const yenPartner = randomUUID();
  const stranger = randomUUID();
  const noAccount = randomUUID();
  const closedPortal = randomUUID();

  beforeAll(async () => {
    paypal = await PaypalTestServer.start();
    service = await startPaypalTestApp(paypal.env());
    service.recorder
      .open(partner, 'GBP')
      .open(yenPartner, 'JPY')
      .open(stranger, 'GBP')
      .open(closedPortal, 'GBP');
    for (const id of [partner, yenPartner, stranger, noAccount]) {
      service.access.set(id, portalAccess('everything-except-leads'));
    }
    service.access.set(closedPortal, portalAccess('none'));
  });

  afterAll(async () => {
    await service?.close();
    await paypal?.stop();
  });

  beforeEach(() => {
    service.clockOffsetMs = 0;
  });

  async function call(
    path: string,
    body: unknown,
    token: string | null,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const asPartner = (id: string) => service.portal.token(id);
  const gbp = (amount: number) => ({ amount: { amount, currency: 'GBP' } });
  const webhook = (delivery: WebhookDelivery) =>
    paypal.deliver(`${service.url}/billing/paypal/webhooks`, delivery);
  const sendWebhook = (orderId: string) =>
    paypal.sendCaptureWebhook(`${service.url}/billing/paypal/webhooks`, orderId);
  const capture = async (orderId: string, token: string) =>
    call(`/billing/paypal/orders/${orderId}/capture`, {}, token);
  const ordersAtPaypal = () =>
    paypal.requests.filter((r) => r.method === 'POST' && r.path === '/v2/checkout/orders').length;
  const rows = async () =>
    Number(
      (
        await service.dataSource.query<{ n: string }[]>(
          'SELECT count(*) AS n FROM billing_paypal_orders',
        )
      )[0]!.n,
    );

  async function start(id = partner, amount = 2_500): Promise<string> {
    const started = await call('/billing/portal/paypal/orders', gbp(amount), await asPartner(id));
    expect(started.status).toBe(201);
    return started.body.orderId as string;
  }

  it('starts a top-up from the portal: a PayPal order for the amount, to approve at PayPal', async () => {
    const answer = await call(
      '/billing/portal/paypal/orders',
      gbp(2_550),
      await asPartner(partner),
    );
    expect(answer).toEqual({
      status: 201,
      body: {
        orderId: expect.any(String) as unknown,
        approveUrl: expect.stringContaining('checkoutnow') as unknown,
        amount: { amount: 2_550, currency: 'GBP' },
      },
    });
    expect(paypal.order(answer.body.orderId as string)).toMatchObject({
      intent: 'CAPTURE',
      status: 'CREATED',
      purchase_units: [{ amount: { currency_code: 'GBP', value: '25.50' }, custom_id: partner }],
    });
  });

  it('sends amounts of currencies without decimals as whole units (JPY)', async () => {
    const answer = await call(
      '/billing/portal/paypal/orders',
      { amount: { amount: 5_000, currency: 'JPY' } },
      await asPartner(yenPartner),
    );
    expect(answer.status).toBe(201);
    expect(paypal.order(answer.body.orderId as string)).toMatchObject({
      purchase_units: [{ amount: { currency_code: 'JPY', value: '5000' } }],
    });
  });

  describe('refuses, changing nothing', () => {
    /** Runs refused requests; PayPal, the orders table and the accounts must have seen nothing. */
    async function changesNothing(refused: () => Promise<void>): Promise<void> {
      const state = async () => ({
        ordersAtPaypal: ordersAtPaypal(),
        rows: await rows(),
        credited: service.recorder.credited.length,
      });
      const before = await state();
      await refused();
      expect(await state()).toEqual(before);
    }

    it.each([
      ['a zero top-up', gbp(0), 'amount.amount'],
      ['a negative top-up', gbp(-500), 'amount.amount'],
      ['a fraction of a minor unit', gbp(12.5), 'amount.amount'],
      ['an amount as text', { amount: { amount: '25.00', currency: 'GBP' } }, 'amount.amount'],
      ['a lower-case currency', { amount: { amount: 100, currency: 'gbp' } }, 'amount.currency'],
      ['no amount', {}, 'amount'],
      ['an unknown field', { ...gbp(100), note: 'hi' }, 'note'],
    ])('%s (400, naming the field)', (_, body, field) =>
      changesNothing(async () => {
        const answer = await call('/billing/portal/paypal/orders', body, await asPartner(partner));
        expect(answer.status).toBe(400);
        expect(answer.body.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field }) as unknown]),
        );
      }),
    );

    it("a currency other than the account's (400 CURRENCY_MISMATCH)", () =>
      changesNothing(async () => {
        const answer = await call(
          '/billing/portal/paypal/orders',
          { amount: { amount: 100, currency: 'EUR' } },
          await asPartner(partner),
        );
        expect(answer).toEqual({
          status: 400,
          body: {
            statusCode: 400,
            error: 'CURRENCY_MISMATCH',
            message: expect.stringContaining('is in GBP') as unknown,
            errors: [
              { field: 'amount.currency', messages: [expect.stringContaining('GBP') as unknown] },
            ],
          },
        });
      }));

    it('a partner billing has no account for (404 ACCOUNT_NOT_FOUND)', () =>
      changesNothing(async () => {
        const answer = await call(
          '/billing/portal/paypal/orders',
          gbp(100),
          await asPartner(noAccount),
        );
        expect(answer.status).toBe(404);
        expect(answer.body.error).toBe('ACCOUNT_NOT_FOUND');
        const operator = await call(
          `/billing/partners/${noAccount}/paypal/orders`,
          gbp(100),
          service.tokens.admin,
        );
        expect(operator.status).toBe(404);
      }));

    it('requests without a session (401), of a closed portal (403), of a read-only operator (403)', () =>
      changesNothing(async () => {
        const start = (path: string, token: string | null) => call(path, gbp(100), token);
        const portal = '/billing/portal/paypal/orders';
        const operator = `/billing/partners/${partner}/paypal/orders`;
        expect((await start(portal, null)).status).toBe(401);
        expect((await start(portal, service.tokens.admin)).status).toBe(401);
        expect((await start(portal, await asPartner(closedPortal))).status).toBe(403);
        expect((await start(operator, service.tokens.readOnly)).status).toBe(403);
        expect((await start(operator, await asPartner(partner))).status).toBe(401);
        expect(
          (await start('/billing/partners/not-a-uuid/paypal/orders', service.tokens.admin)).status,
        ).toBe(400);
      }));
  });

  it('captures once approved and credits the account once, however often it is asked', async () => {
    const orderId = await start(partner, 4_000);
    const token = await asPartner(partner);
    const early = await capture(orderId, token);
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('PAYPAL_ORDER_NOT_APPROVED');
    expect(service.recorder.credited.filter((p) => p.reference === orderId)).toEqual([]);

    paypal.approve(orderId);
    const first = await capture(orderId, token);
    expect(first).toEqual({
      status: 200,
      body: {
        orderId,
        status: 'COMPLETED',
        captureId: expect.any(String) as unknown,
        amount: { amount: 4_000, currency: 'GBP' },
        credited: true,
      },
    });
    const captureId = first.body.captureId as string;
    expect(service.recorder.credited.filter((p) => p.reference === captureId)).toEqual([
      {
        partnerId: partner,
        amount: { amount: 4_000, currency: 'GBP' },
        reference: captureId,
        actor: { type: 'partner', id: partner },
        causeId: captureId,
      },
    ]);

    const capturesAtPaypal = paypal.requests.filter((r) => r.path.endsWith('/capture')).length;
    const again = await capture(orderId, token);
    expect(again).toEqual({ status: 200, body: { ...first.body, credited: false } });
    expect(paypal.requests.filter((r) => r.path.endsWith('/capture')).length).toBe(
      capturesAtPaypal,
    );

    // PayPal's webhook for the same capture: verified, handled, not credited twice.
    const announced = await sendWebhook(orderId);
    expect(announced).toMatchObject({ status: 200, body: { handled: true, credited: false } });
    expect(service.recorder.credited.filter((p) => p.reference === captureId)).toHaveLength(1);

    // The same delivery again: a replay.
    const replayed = await webhook(announced.delivery);
    expect(replayed).toMatchObject({ status: 400, body: { error: 'WEBHOOK_REPLAYED' } });
  });

  it("answers another partner's order as unknown (404), and an operator may capture any", async () => {
    const orderId = await start(partner, 1_000);
    paypal.approve(orderId);
    const foreign = await capture(orderId, await asPartner(stranger));
    expect(foreign).toMatchObject({ status: 404, body: { error: 'PAYPAL_ORDER_NOT_FOUND' } });
    expect((await capture(orderId, service.tokens.readOnly)).status).toBe(403);
    expect((await capture(orderId, 'not-a-token')).status).toBe(401);
    const byOperator = await capture(orderId, service.tokens.admin);
    expect(byOperator).toMatchObject({ status: 200, body: { credited: true } });
    expect(service.recorder.credited.at(-1)?.actor).toEqual({ type: 'operator', id: 'test-admin' });
  });

  it('lets an operator start a top-up for a partner', async () => {
    const answer = await call(
      `/billing/partners/${partner.toUpperCase()}/paypal/orders`,
      gbp(9_900),
      service.tokens.admin,
    );
    expect(answer).toMatchObject({ status: 201, body: { orderId: expect.any(String) as unknown } });
    expect(paypal.order(answer.body.orderId as string)).toMatchObject({
      purchase_units: [{ custom_id: partner }],
    });
  });

  it('credits through the webhook when PayPal holds the captured funds at first', async () => {
    const orderId = await start(partner, 1_234);
    paypal.approve(orderId, 'PENDING');
    const token = await asPartner(partner);
    const pending = await capture(orderId, token);
    expect(pending).toMatchObject({ status: 200, body: { status: 'PENDING', credited: false } });
    const captureId = pending.body.captureId as string;
    expect(service.recorder.credited.filter((p) => p.reference === captureId)).toEqual([]);

    const announced = await sendWebhook(orderId);
    expect(announced).toMatchObject({ status: 200, body: { handled: true, credited: true } });
    expect(service.recorder.credited.filter((p) => p.reference === captureId)).toEqual([
      expect.objectContaining({
        amount: { amount: 1_234, currency: 'GBP' },
        actor: { type: 'system', id: 'paypal-webhook' },
      }),
    ]);
    expect(await capture(orderId, token)).toMatchObject({
      status: 200,
      body: { status: 'COMPLETED', captureId, credited: false },
    });
  });

  it('credits on a retry when the first capture was taken at PayPal but not recorded', async () => {
    const orderId = await start(partner, 777);
    paypal.approve(orderId);
    service.recorder.failNext = true;
    const token = await asPartner(partner);
    expect((await capture(orderId, token)).status).toBe(500);
    const retried = await capture(orderId, token);
    expect(retried).toMatchObject({ status: 200, body: { status: 'COMPLETED', credited: true } });
    expect(
      service.recorder.credited.filter((p) => p.reference === retried.body.captureId),
    ).toHaveLength(1);
  });

  it('credits a capture PayPal made under another request (ORDER_ALREADY_CAPTURED), once', async () => {
    const orderId = await start(partner, 640);
    paypal.approve(orderId);
    // Captured at PayPal by a request LeadRail's PayPal-Request-Id does not match (it expired, say).
    const basic = Buffer.from(`${paypal.clientId}:${paypal.clientSecret}`).toString('base64');
    const token = (await (
      await fetch(`${paypal.baseUrl}/v1/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      })
    ).json()) as { access_token: string };
    const elsewhere = await fetch(`${paypal.baseUrl}/v2/checkout/orders/${orderId}/capture`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token.access_token}`,
        'content-type': 'application/json',
        'paypal-request-id': randomUUID(),
      },
      body: '{}',
    });
    expect(elsewhere.status).toBe(201);
    const captured = await capture(orderId, await asPartner(partner));
    expect(captured).toMatchObject({ status: 200, body: { status: 'COMPLETED', credited: true } });
    expect(
      service.recorder.credited.filter((p) => p.reference === captured.body.captureId),
    ).toHaveLength(1);
  });

  it('credits nothing for a capture PayPal declined, and says so again when asked again', async () => {
    const orderId = await start(partner, 910);
    paypal.approve(orderId, 'DECLINED');
    const creditedBefore = service.recorder.credited.length;
    const token = await asPartner(partner);
    for (const attempt of [1, 2]) {
      const answer = await capture(orderId, token);
      expect({ attempt, ...answer }).toMatchObject({
        attempt,
        status: 409,
        body: { error: 'PAYPAL_CAPTURE_NOT_COMPLETED' },
      });
    }
    expect(service.recorder.credited.length).toBe(creditedBefore);
  });

  describe('refuses webhook deliveries PayPal did not send as they are, crediting nothing', () => {
    /**
     * A genuine delivery of a pending capture: `refuse` sends altered ones,
     * which must credit nothing; the genuine one then still credits.
     */
    async function creditsOnlyGenuine(
      refuse: (delivery: WebhookDelivery) => Promise<void>,
    ): Promise<void> {
      const orderId = await start(partner, 5_000);
      paypal.approve(orderId, 'PENDING');
      await capture(orderId, await asPartner(partner));
      const delivery = paypal.captureWebhook(orderId);
      const before = service.recorder.credited.length;
      await refuse(delivery);
      expect(service.recorder.credited.length).toBe(before);
      expect(await webhook(delivery)).toMatchObject({ status: 200, body: { credited: true } });
    }

    it('a changed amount', () =>
      creditsOnlyGenuine(async (delivery) => {
        const tampered = { ...delivery, body: delivery.body.replace('"50.00"', '"5000.00"') };
        expect(tampered.body).not.toBe(delivery.body);
        expect(await webhook(tampered)).toMatchObject({
          status: 400,
          body: { error: 'WEBHOOK_NOT_VERIFIED' },
        });
      }));

    it('a forged signature', () =>
      creditsOnlyGenuine(async (delivery) => {
        const forged = {
          ...delivery,
          headers: {
            ...delivery.headers,
            'paypal-transmission-sig': Buffer.from('x'.repeat(256)).toString('base64'),
          },
        };
        expect(await webhook(forged)).toMatchObject({
          status: 400,
          body: { error: 'WEBHOOK_NOT_VERIFIED' },
        });
      }));

    it('no PAYPAL-* headers (400, naming them)', () =>
      creditsOnlyGenuine(async (delivery) => {
        const answer = await webhook({
          headers: { 'content-type': 'application/json' },
          body: delivery.body,
        });
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({
          error: 'WEBHOOK_NOT_VERIFIED',
          errors: expect.arrayContaining([
            { field: 'headers.paypal-transmission-sig', messages: [expect.any(String)] },
          ]) as unknown,
        });
      }));

    it('a body that is not JSON', () =>
      creditsOnlyGenuine(async (delivery) => {
        const answer = await webhook({
          headers: { ...delivery.headers, 'content-type': 'text/plain' },
          body: delivery.body,
        });
        expect(answer).toMatchObject({ status: 400, body: { error: 'WEBHOOK_NOT_VERIFIED' } });
      }));

    it('a delivery sent long ago (a replay)', () =>
      creditsOnlyGenuine(async (delivery) => {
        service.clockOffsetMs = 20 * 60_000;
        expect(await webhook(delivery)).toMatchObject({
          status: 400,
          body: { error: 'WEBHOOK_REPLAYED' },
        });
        service.clockOffsetMs = 0;
      }));
  });

  it('answers 200 to verified events it does not act on', async () => {
    // A payment to the same PayPal account that is not a LeadRail top-up.
    const elsewhere = new PaypalClient({
      baseUrl: paypal.baseUrl,
      clientId: paypal.clientId,
      clientSecret: paypal.clientSecret,
      webhookId: paypal.webhookId,
    });
    const order = await elsewhere.createOrder({
      amount: { currency_code: 'GBP', value: '3.00' },
      customId: 'shop',
    });
    paypal.approve(order.id);
    await elsewhere.captureOrder(order.id);
    const creditedBefore = service.recorder.credited.length;
    expect(await sendWebhook(order.id)).toMatchObject({
      status: 200,
      body: { handled: false, credited: false },
    });
    expect(service.recorder.credited.length).toBe(creditedBefore);
  });
});

describe('PayPal top-ups without PayPal configured', () => {
  let service: PaypalTestApp;

  beforeAll(async () => {
    service = await startPaypalTestApp({});
  });

  afterAll(() => service?.close());

  it.each([
    ['/billing/portal/paypal/orders', true],
    ['/billing/paypal/webhooks', false],
  ])('answer 503 at %s', async (path, signedIn) => {
    const partner = randomUUID();
    service.recorder.open(partner, 'GBP');
    service.access.set(partner, portalAccess('leads-only'));
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signedIn ? { authorization: `Bearer ${await service.portal.token(partner)}` } : {}),
      },
      body: JSON.stringify({ amount: { amount: 100, currency: 'GBP' } }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: 'PAYPAL_NOT_CONFIGURED',
      message: expect.stringContaining('PayPal top-ups are not configured') as unknown,
    });
  });
});
