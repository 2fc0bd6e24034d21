import { randomUUID } from 'node:crypto';
import { accountStream } from '@leadrail/billing-domain';
import { derivedEventId } from '@leadrail/event-store';
import {
  type ServiceUnderTest,
  startServiceUnderTest,
  testPortalIssuer,
} from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
import { billingService } from './billing.service';
import { PaypalClient } from './paypal/paypal-client';
import { PaypalTestServer, type WebhookDelivery } from './paypal/testing/paypal-test-server';
import type { AccountAnswer } from './queries/account/account.query';
import type { Statement, StatementLine } from './queries/statement/statement.query';
import { BillingTestKit, type TestBillingPartner, gbp } from './testing/billing-test-kit';

jest.setTimeout(180_000);

type Answer = { status: number; body: Record<string, unknown> };
type Actor = { type: 'partner' | 'operator' | 'system'; id: string };

const WEBHOOK_ACTOR: Actor = { type: 'system', id: 'paypal-webhook' };

/**
 * Issue #13's PayPal top-ups through the whole billing service: real Kafka,
 * real PostgreSQL, billing booted with the PAYPAL_* settings of the local
 * PayPal test server (which stands in for PayPal and for the payer who
 * approves), partners announced on the partners topic, portal sessions
 * signed as the partners service signs them. Done when a top-up captured
 * twice (the capture's answer and the webhook) credits once and a forged
 * webhook credits nothing; wrong currencies, negative top-ups, unknown
 * accounts and forged or replayed webhooks are refused and change nothing.
 * "Credited" is read from billing's log (at once) and from the account and
 * statement (the ledger projection, eventually).
 */
describe('PayPal top-ups through the billing service', () => {
  let paypal: PaypalTestServer;
  let service: ServiceUnderTest;
  let kit: BillingTestKit;
  /** The partners of the tests, one each (a post-pay one for the spec's "both Pre-Pay and Post-Pay"). */
  const roles = {
    prePay: { mode: 'pre-pay' },
    postPay: { mode: 'post-pay', creditLimit: 10_000 },
    stranger: { mode: 'pre-pay' },
    pending: { mode: 'pre-pay' },
    early: { mode: 'pre-pay' },
    racing: { mode: 'pre-pay' },
    forged: { mode: 'pre-pay' },
    refused: { mode: 'pre-pay' },
  } satisfies Record<string, TestBillingPartner>;
  const partners = {} as Record<keyof typeof roles, string>;

  beforeAll(async () => {
    paypal = await PaypalTestServer.start();
    const { PAYPAL_BASE_URL, PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET, PAYPAL_WEBHOOK_ID } =
      paypal.env();
    service = await startServiceUnderTest(billingService, {
      PAYPAL_BASE_URL,
      PAYPAL_CLIENT_ID,
      PAYPAL_CLIENT_SECRET,
      PAYPAL_WEBHOOK_ID,
    });
    kit = await BillingTestKit.for(service);
    // One wait on the partners topic for all of them.
    await Promise.all(
      Object.entries(roles).map(async ([role, options]) => {
        partners[role as keyof typeof roles] = await kit.partner(options);
      }),
    );
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
    await paypal?.stop();
  });

  async function call(path: string, body: unknown, token: string): Promise<Answer> {
    const response = await kit.post(path, body, token);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const asPartner = async (partnerId: string) => (await testPortalIssuer()).token(partnerId);
  const topUp = (amount: number, currency = 'GBP') => ({ amount: { amount, currency } });

  async function startFromPortal(partnerId: string, amount: number): Promise<string> {
    const started = await call(
      '/billing/portal/paypal/orders',
      topUp(amount),
      await asPartner(partnerId),
    );
    expect(started.status).toBe(201);
    return started.body.orderId as string;
  }

  const capture = (orderId: string, token: string) =>
    call(`/billing/paypal/orders/${orderId}/capture`, {}, token);
  const webhookUrl = () => `${service.url}/billing/paypal/webhooks`;
  const deliver = (delivery: WebhookDelivery) => paypal.deliver(webhookUrl(), delivery);
  const sendWebhook = (orderId: string) => paypal.sendCaptureWebhook(webhookUrl(), orderId);
  const capturesAtPaypal = (orderId: string) =>
    paypal.requests.filter((r) => r.path === `/v2/checkout/orders/${orderId}/capture`).length;
  const ordersCreatedAtPaypal = () =>
    paypal.requests.filter((r) => r.method === 'POST' && r.path === '/v2/checkout/orders').length;

  /** The credits in the account's log: the write side, so no waiting on the projection. */
  async function credits(partnerId: string): Promise<Record<string, unknown>[]> {
    return (await kit.logOf(accountStream(partnerId)))
      .filter((event) => event.type === 'PartnerAccountCredited')
      .map((event) => event.data);
  }

  /** The account once the projection reached this version. */
  function accountAt(partnerId: string, version: number): Promise<AccountAnswer> {
    return expectEventually(async () => {
      const account = await kit.json<AccountAnswer>(`/billing/partners/${partnerId}/account`);
      expect(account.accountVersion).toBe(version);
      return account;
    });
  }

  const statementOf = async (partnerId: string): Promise<StatementLine[]> =>
    (await kit.json<Statement>(`/billing/partners/${partnerId}/statement`)).lines;

  /** A statement's payment line for a PayPal capture: its id the reference, the event id derived from it. */
  const paymentLine = (
    partnerId: string,
    captureId: string,
    amount: number,
    balanceAfter: number,
    actor: Actor,
  ): unknown =>
    expect.objectContaining({
      kind: 'payment',
      amount,
      currency: 'GBP',
      balanceAfter,
      reference: captureId,
      actorType: actor.type,
      actorId: actor.id,
      eventId: derivedEventId(`payment/${partnerId}/${captureId}`, 0),
    });

  it('credits a pre-pay top-up captured from the portal once, though the webhook announces it too', async () => {
    const partner = partners.prePay;
    const token = await asPartner(partner);
    const started = await call('/billing/portal/paypal/orders', topUp(2_500), token);
    expect(started).toEqual({
      status: 201,
      body: {
        orderId: expect.any(String) as unknown,
        approveUrl: expect.stringContaining('/checkoutnow?token=') as unknown,
        amount: { amount: 2_500, currency: 'GBP' },
      },
    });
    const orderId = started.body.orderId as string;
    expect(paypal.order(orderId)).toMatchObject({
      intent: 'CAPTURE',
      status: 'CREATED',
      purchase_units: [{ amount: { currency_code: 'GBP', value: '25.00' }, custom_id: partner }],
    });

    // Not approved at PayPal yet: nothing to capture.
    const early = await capture(orderId, token);
    expect(early).toMatchObject({ status: 409, body: { error: 'PAYPAL_ORDER_NOT_APPROVED' } });
    expect(await credits(partner)).toEqual([]);

    paypal.approve(orderId);
    const captured = await capture(orderId, token);
    expect(captured).toEqual({
      status: 200,
      body: {
        orderId,
        status: 'COMPLETED',
        captureId: expect.any(String) as unknown,
        amount: { amount: 2_500, currency: 'GBP' },
        credited: true,
      },
    });
    const captureId = captured.body.captureId as string;
    const capturedAtPaypal = capturesAtPaypal(orderId);
    expect(await credits(partner)).toEqual([
      expect.objectContaining({
        kind: 'payment',
        amount: gbp(2_500),
        reference: captureId,
        actor: { type: 'partner', id: partner },
      }),
    ]);
    expect(await accountAt(partner, 1)).toMatchObject({
      paymentMode: 'pre-pay',
      balance: gbp(2_500),
      available: gbp(2_500),
    });
    expect(await statementOf(partner)).toEqual([
      paymentLine(partner, captureId, 2_500, 2_500, { type: 'partner', id: partner }),
    ]);

    // PayPal's webhook for the same capture: verified and handled, not credited again.
    const announced = await sendWebhook(orderId);
    expect(announced).toMatchObject({
      status: 200,
      body: {
        received: true,
        eventType: 'PAYMENT.CAPTURE.COMPLETED',
        handled: true,
        credited: false,
      },
    });
    // Captured again (the partner clicked twice): the same outcome, not credited, PayPal not asked.
    const again = await capture(orderId, token);
    expect(again).toEqual({ status: 200, body: { ...captured.body, credited: false } });
    expect(capturesAtPaypal(orderId)).toBe(capturedAtPaypal);
    expect(await credits(partner)).toHaveLength(1);

    // A new top-up is a new payment: the account moves to version 2, not 3, so nothing else was credited.
    const second = await startFromPortal(partner, 1_000);
    paypal.approve(second);
    const secondCapture = await capture(second, token);
    expect(secondCapture).toMatchObject({ status: 200, body: { credited: true } });
    expect(await accountAt(partner, 2)).toMatchObject({ balance: gbp(3_500) });
    expect(await statementOf(partner)).toEqual([
      paymentLine(partner, captureId, 2_500, 2_500, { type: 'partner', id: partner }),
      paymentLine(partner, secondCapture.body.captureId as string, 1_000, 3_500, {
        type: 'partner',
        id: partner,
      }),
    ]);
  });

  it("credits a post-pay partner's top-up an operator started the same way; no other partner can capture it", async () => {
    const partner = partners.postPay;
    // An operator starts it (the partner on the phone) for the partner's id in any case.
    const started = await call(
      `/billing/partners/${partner.toUpperCase()}/paypal/orders`,
      topUp(4_000),
      service.tokens.admin,
    );
    expect(started).toMatchObject({ status: 201, body: { amount: gbp(4_000) } });
    const orderId = started.body.orderId as string;
    expect(paypal.order(orderId)).toMatchObject({ purchase_units: [{ custom_id: partner }] });
    paypal.approve(orderId);

    const foreign = await capture(orderId, await asPartner(partners.stranger));
    expect(foreign).toMatchObject({ status: 404, body: { error: 'PAYPAL_ORDER_NOT_FOUND' } });
    expect((await capture(orderId, service.tokens.readOnly)).status).toBe(403);
    expect((await capture(orderId, 'not-a-token')).status).toBe(401);
    expect(capturesAtPaypal(orderId)).toBe(0);
    expect(await credits(partners.stranger)).toEqual([]);
    expect(await credits(partner)).toEqual([]);

    const captured = await capture(orderId, await asPartner(partner));
    expect(captured).toMatchObject({ status: 200, body: { status: 'COMPLETED', credited: true } });
    const captureId = captured.body.captureId as string;
    expect(await sendWebhook(orderId)).toMatchObject({
      status: 200,
      body: { handled: true, credited: false },
    });
    expect(await credits(partner)).toHaveLength(1);
    // Post-pay: the payment raises the balance; available adds the credit limit.
    expect(await accountAt(partner, 1)).toMatchObject({
      paymentMode: 'post-pay',
      balance: gbp(4_000),
      available: gbp(14_000),
    });
    expect(await statementOf(partner)).toEqual([
      paymentLine(partner, captureId, 4_000, 4_000, { type: 'partner', id: partner }),
    ]);
  });

  it('credits once through the webhook when PayPal holds the captured funds at first', async () => {
    const partner = partners.pending;
    const token = await asPartner(partner);
    const orderId = await startFromPortal(partner, 1_234);
    paypal.approve(orderId, 'PENDING');
    const pending = await capture(orderId, token);
    expect(pending).toMatchObject({
      status: 200,
      body: { status: 'PENDING', credited: false, amount: gbp(1_234) },
    });
    const captureId = pending.body.captureId as string;
    expect(await credits(partner)).toEqual([]);

    // The funds arrive: PayPal's webhook credits, before any capture answer says COMPLETED.
    expect(await sendWebhook(orderId)).toMatchObject({
      status: 200,
      body: { handled: true, credited: true },
    });
    expect(await capture(orderId, token)).toEqual({
      status: 200,
      body: { ...pending.body, status: 'COMPLETED', credited: false },
    });
    // PayPal delivers the event again (a retry is a new transmission): handled, not credited.
    expect(await sendWebhook(orderId)).toMatchObject({
      status: 200,
      body: { handled: true, credited: false },
    });
    expect(await credits(partner)).toHaveLength(1);
    expect(await accountAt(partner, 1)).toMatchObject({ balance: gbp(1_234) });
    expect(await statementOf(partner)).toEqual([
      paymentLine(partner, captureId, 1_234, 1_234, WEBHOOK_ACTOR),
    ]);
  });

  it("credits once when the webhook comes before the capture's answer, or the answer was lost", async () => {
    const partner = partners.early;
    const token = await asPartner(partner);
    // LeadRail's own capture request reached PayPal (same PayPal-Request-Id) but its answer never came back.
    const lostAnswer = new PaypalClient({
      baseUrl: paypal.baseUrl,
      clientId: paypal.clientId,
      clientSecret: paypal.clientSecret,
      webhookId: paypal.webhookId,
    });

    const webhookFirst = await startFromPortal(partner, 600);
    paypal.approve(webhookFirst);
    await lostAnswer.captureOrder(webhookFirst);
    const announced = await sendWebhook(webhookFirst);
    expect(announced).toMatchObject({ status: 200, body: { handled: true, credited: true } });
    const first = await capture(webhookFirst, token);
    expect(first).toMatchObject({ status: 200, body: { status: 'COMPLETED', credited: false } });
    const firstCaptureId = first.body.captureId as string;
    // Answered from LeadRail's record of the order: PayPal was asked once, by the lost request.
    expect(capturesAtPaypal(webhookFirst)).toBe(1);

    const retried = await startFromPortal(partner, 900);
    paypal.approve(retried);
    const atPaypal = await lostAnswer.captureOrder(retried);
    // An operator retries: PayPal answers the same request with the capture it made, credited now.
    const byOperator = await capture(retried, service.tokens.admin);
    expect(byOperator).toMatchObject({
      status: 200,
      body: { status: 'COMPLETED', credited: true },
    });
    const retriedCaptureId = byOperator.body.captureId as string;
    expect(retriedCaptureId).toBe(atPaypal.purchase_units?.[0]?.payments?.captures?.[0]?.id);
    expect(await sendWebhook(retried)).toMatchObject({
      status: 200,
      body: { handled: true, credited: false },
    });

    expect((await credits(partner)).map((credit) => credit.reference)).toEqual([
      firstCaptureId,
      retriedCaptureId,
    ]);
    expect(await accountAt(partner, 2)).toMatchObject({ balance: gbp(1_500) });
    expect(await statementOf(partner)).toEqual([
      paymentLine(partner, firstCaptureId, 600, 600, WEBHOOK_ACTOR),
      paymentLine(partner, retriedCaptureId, 900, 1_500, { type: 'operator', id: 'test-admin' }),
    ]);
  });

  it('credits once when the capture and the webhook race each other', async () => {
    const partner = partners.racing;
    const token = await asPartner(partner);
    const lostAnswer = new PaypalClient({
      baseUrl: paypal.baseUrl,
      clientId: paypal.clientId,
      clientSecret: paypal.clientSecret,
      webhookId: paypal.webhookId,
    });
    const amounts = [300, 400, 500, 600, 700];
    for (const amount of amounts) {
      const orderId = await startFromPortal(partner, amount);
      paypal.approve(orderId);
      await lostAnswer.captureOrder(orderId);
      // The partner's capture and PayPal's webhook for the same capture arrive together.
      const [captured, announced] = await Promise.all([
        capture(orderId, token),
        sendWebhook(orderId),
      ]);
      expect([captured.status, announced.status]).toEqual([200, 200]);
    }
    // One credit per capture in the log, whoever won each race; the account moved once per top-up.
    const logged = await credits(partner);
    expect(logged.map((credit) => (credit.amount as { amount: number }).amount)).toEqual(amounts);
    expect(new Set(logged.map((credit) => credit.reference)).size).toBe(amounts.length);
    expect(await accountAt(partner, amounts.length)).toMatchObject({ balance: gbp(2_500) });
  });

  it('refuses forged, tampered and replayed webhooks (400), crediting nothing', async () => {
    const partner = partners.forged;
    const token = await asPartner(partner);
    const orderId = await startFromPortal(partner, 5_000);
    paypal.approve(orderId, 'PENDING');
    expect(await capture(orderId, token)).toMatchObject({ body: { status: 'PENDING' } });
    // Another order of the partner's, approved but never captured: what a forger would credit.
    const uncaptured = await startFromPortal(partner, 5_000);
    paypal.approve(uncaptured);
    const genuine = paypal.captureWebhook(orderId);

    const refusals: [string, WebhookDelivery, string][] = [
      [
        'an amount changed',
        { ...genuine, body: genuine.body.replace('"50.00"', '"500.00"') },
        'WEBHOOK_NOT_VERIFIED',
      ],
      [
        'another order named',
        { ...genuine, body: genuine.body.replaceAll(orderId, uncaptured) },
        'WEBHOOK_NOT_VERIFIED',
      ],
      [
        'a forged signature',
        {
          ...genuine,
          headers: {
            ...genuine.headers,
            'paypal-transmission-sig': Buffer.from('x'.repeat(256)).toString('base64'),
          },
        },
        'WEBHOOK_NOT_VERIFIED',
      ],
      [
        'another transmission id',
        { ...genuine, headers: { ...genuine.headers, 'paypal-transmission-id': randomUUID() } },
        'WEBHOOK_NOT_VERIFIED',
      ],
      [
        'a genuine delivery recorded 20 minutes ago',
        paypal.captureWebhook(orderId, new Date(Date.now() - 20 * 60_000)),
        'WEBHOOK_REPLAYED',
      ],
    ];
    for (const [what, delivery, error] of refusals) {
      const answer = await deliver(delivery);
      expect({ what, ...answer }).toMatchObject({ what, status: 400, body: { error } });
    }
    // The tampered bodies are tampered indeed.
    expect(refusals.slice(0, 2).map(([, delivery]) => delivery.body === genuine.body)).toEqual([
      false,
      false,
    ]);
    const unsigned = await deliver({
      headers: { 'content-type': 'application/json' },
      body: genuine.body,
    });
    expect(unsigned).toMatchObject({
      status: 400,
      body: {
        error: 'WEBHOOK_NOT_VERIFIED',
        errors: expect.arrayContaining([
          { field: 'headers.paypal-transmission-sig', messages: [expect.any(String)] },
        ]) as unknown,
      },
    });

    // Nothing changed: no credit, both orders where they were, no transmission recorded.
    expect(await credits(partner)).toEqual([]);
    const { rows: orders } = await kit.db.query<{ order_id: string; status: string }>(
      'SELECT order_id, status FROM billing.billing_paypal_orders WHERE partner_id = $1',
      [partner],
    );
    expect(Object.fromEntries(orders.map((row) => [row.order_id, row.status]))).toEqual({
      [orderId]: 'capture-pending',
      [uncaptured]: 'created',
    });
    const { rows: transmissions } = await kit.db.query(
      'SELECT 1 FROM billing.billing_paypal_webhook_transmissions WHERE transmission_id = ANY($1)',
      [refusals.map(([, delivery]) => delivery.headers['paypal-transmission-id'])],
    );
    expect(transmissions).toEqual([]);

    // The genuine delivery credits; the same delivery sent again is a replay.
    expect(await deliver(genuine)).toMatchObject({
      status: 200,
      body: { handled: true, credited: true },
    });
    const replayed = await deliver(genuine);
    expect(replayed).toMatchObject({
      status: 400,
      body: {
        error: 'WEBHOOK_REPLAYED',
        message: expect.stringContaining(genuine.headers['paypal-transmission-id']!) as unknown,
      },
    });
    expect(await credits(partner)).toHaveLength(1);
    expect(await accountAt(partner, 1)).toMatchObject({ balance: gbp(5_000) });
    expect(await statementOf(partner)).toEqual([
      expect.objectContaining({ kind: 'payment', amount: 5_000, actorId: 'paypal-webhook' }),
    ]);
  });

  it('refuses bad top-ups with a clear error and creates nothing', async () => {
    const partner = partners.refused;
    const token = await asPartner(partner);
    const portal = '/billing/portal/paypal/orders';
    const ordersOf = async () =>
      (
        await kit.db.query('SELECT 1 FROM billing.billing_paypal_orders WHERE partner_id = $1', [
          partner,
        ])
      ).rowCount;
    const createdBefore = ordersCreatedAtPaypal();

    const mismatch = await call(portal, topUp(1_000, 'EUR'), token);
    expect(mismatch).toEqual({
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
    const badAmounts: [string, unknown][] = [
      ['negative', topUp(-500)],
      ['zero', topUp(0)],
      ['a fraction of a penny', topUp(12.5)],
      ['text', { amount: { amount: '25.00', currency: 'GBP' } }],
    ];
    for (const [what, body] of badAmounts) {
      for (const [path, as] of [
        [portal, token],
        [`/billing/partners/${partner}/paypal/orders`, service.tokens.admin],
      ] as const) {
        const answer = await call(path, body, as);
        expect({ what, path, status: answer.status, errors: answer.body.errors }).toEqual({
          what,
          path,
          status: 400,
          errors: expect.arrayContaining([
            expect.objectContaining({ field: 'amount.amount' }),
          ]) as unknown,
        });
      }
    }

    const unknown = randomUUID();
    const noAccount = await call(
      `/billing/partners/${unknown}/paypal/orders`,
      topUp(1_000),
      service.tokens.admin,
    );
    expect(noAccount).toMatchObject({
      status: 404,
      body: {
        error: 'ACCOUNT_NOT_FOUND',
        message: expect.stringContaining(unknown) as unknown,
      },
    });
    const reader = await call(
      `/billing/partners/${partner}/paypal/orders`,
      topUp(1_000),
      service.tokens.readOnly,
    );
    expect(reader.status).toBe(403);
    expect((await call(portal, topUp(1_000), service.tokens.admin)).status).toBe(401);
    expect(await capture('NOSUCHORDER123', token)).toMatchObject({
      status: 404,
      body: { error: 'PAYPAL_ORDER_NOT_FOUND' },
    });

    expect(ordersCreatedAtPaypal()).toBe(createdBefore);
    expect(await ordersOf()).toBe(0);
    expect(await kit.logOf(accountStream(partner))).toEqual([]);
    expect(
      (await kit.json<AccountAnswer>(`/billing/partners/${partner}/account`)).accountVersion,
    ).toBe(0);
  });
});
