import { randomUUID } from 'node:crypto';
import { accountStream } from '@leadrail/billing-domain';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { billingService } from './billing.service';
import type { AccountAnswer } from './queries/account/account.query';
import type { Statement } from './queries/statement/statement.query';
import { BillingTestKit, gbp } from './testing/billing-test-kit';

jest.setTimeout(180_000);

/**
 * The billing service on real Kafka and PostgreSQL, fed the partners',
 * routing's and leads' events as their relays publish them (some twice, as
 * restarted relays do): charges at the billing point once, introducer
 * payables, reversals, low-funds alerts, statements and the balance as of
 * any instant.
 */
describe('billing', () => {
  let service: ServiceUnderTest;
  let kit: BillingTestKit;

  beforeAll(async () => {
    service = await startServiceUnderTest(billingService);
    kit = await BillingTestKit.for(service);
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
  });

  const account = (partnerId: string) =>
    kit.json<AccountAnswer>(`/billing/partners/${partnerId}/account`);

  async function accountAt(partnerId: string, version: number): Promise<AccountAnswer> {
    return expectEventually(async () => {
      const answer = await account(partnerId);
      expect(answer.accountVersion).toBe(version);
      return answer;
    });
  }

  async function pay(
    partnerId: string,
    amount: number,
    reference: string = randomUUID(),
  ): Promise<Response> {
    return kit.post(`/billing/partners/${partnerId}/payments`, { amount: gbp(amount), reference });
  }

  it('charges a lead once at delivery, owes its introducer once, and gives both back on a return', async () => {
    const introducer = await kit.partner({ mode: 'post-pay', leadCost: 800 });
    const partner = await kit.partner({ mode: 'pre-pay', threshold: 1000 });
    expect((await pay(partner, 10_000, 'BACS 0001')).status).toBe(201);
    // The same payment again (a client's retry) is answered as recorded; another amount under
    // the same reference is refused.
    const retried = await pay(partner, 10_000, 'BACS 0001');
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ recorded: [], accountVersion: 1 });
    const clash = await pay(partner, 9_000, 'BACS 0001');
    expect(clash.status).toBe(409);
    expect(await clash.text()).toContain('BACS 0001');

    const leadId = await kit.leadRecorded(introducer);
    const routed = await kit.leadRouted(leadId, partner, 2500);
    const delivered = await kit.delivered(leadId, partner);
    // Redelivered by a restarted relay, and delivered again by an operator: still one charge.
    await kit.resend(Topics.routing, leadId, routed);
    await kit.resend(Topics.leads, leadId, delivered);
    await kit.delivered(leadId, partner);

    expect(await accountAt(partner, 2)).toMatchObject({
      balance: gbp(7500),
      available: gbp(7500),
      fundsLow: false,
    });
    const owed = await expectEventually(async () => {
      const statement = await kit.json<Statement>(`/billing/introducers/${introducer}/statement`);
      expect(statement.lines).toHaveLength(1);
      return statement;
    });
    expect(owed.lines[0]).toMatchObject({
      leadId,
      amount: 800,
      balanceAfter: 800,
      kind: 'lead-cost',
    });

    await kit.leadEvent(leadId, partner, 'ReturnAccepted', {
      acceptedAt: new Date().toISOString(),
      acceptedBy: { type: 'operator', id: 'ops-jane' },
    });
    expect(await accountAt(partner, 3)).toMatchObject({ balance: gbp(10_000) });
    const statement = await kit.json<Statement>(`/billing/partners/${partner}/statement`);
    expect(statement.lines.map((line) => [line.kind, line.amount, line.balanceAfter])).toEqual([
      ['payment', 10_000, 10_000],
      ['charge', -2500, 7500],
      ['charge-reversal', 2500, 10_000],
    ]);
    expect(statement.lines[2]).toMatchObject({
      leadId,
      reason: 'return accepted',
      actorId: 'ops-jane',
    });
    await expectEventually(async () => {
      const payables = await kit.json<Statement>(`/billing/introducers/${introducer}/statement`);
      expect(payables.closingBalance).toBe(0);
    });

    // Reports: the lead sold and came back, so no revenue and no cost.
    const report = await kit.json<{ rows: { partnerId: string }[] }>('/billing/reports/partners');
    expect(report.rows.find((row) => row.partnerId === partner)).toMatchObject({
      leadsCharged: 1,
      leadsReversed: 1,
      revenue: 0,
      cost: 0,
      margin: 0,
    });
  });

  it("charges at the partner's own billing point, whichever event comes first", async () => {
    const partner = await kit.partner({ mode: 'post-pay', billingPoint: 'qualification' });
    const introducer = await kit.partner({ mode: 'post-pay', leadCost: 500 });
    const leadId = await kit.leadRecorded(introducer);
    // Delivered and qualified before billing hears what the lead is worth: no charge yet.
    await kit.delivered(leadId, partner);
    await kit.leadEvent(leadId, partner, 'LeadStatusChanged', {
      status: 'qualified',
      previousStatus: null,
      billingPointsReached: ['accepted', 'qualified'],
      changedBy: { type: 'partner', id: partner },
      changedAt: new Date().toISOString(),
    });
    await expectEventually(async () => {
      const { rows } = await kit.db.query<{ points_reached: string[] }>(
        'SELECT points_reached FROM billing.billing_sales WHERE lead_id = $1',
        [leadId],
      );
      expect(rows.map((row) => [...row.points_reached].sort())).toEqual([
        ['acceptance', 'delivery', 'qualification'],
      ]);
    });
    expect((await account(partner)).accountVersion).toBe(0);

    await kit.leadRouted(leadId, partner, 4000);
    const charged = await accountAt(partner, 1);
    expect(charged.balance).toEqual(gbp(-4000));
    const [line] = (await kit.json<Statement>(`/billing/partners/${partner}/statement`)).lines;
    expect(line).toMatchObject({ kind: 'charge', leadId, amount: -4000 });
    const log = await kit.logOf(accountStream(partner));
    expect(log[0]).toMatchObject({
      type: 'PartnerCharged',
      data: { billingPoint: 'qualification' },
    });

    const margins = await kit.json<{ rows: { introducerId: string }[] }>(
      '/billing/reports/introducers',
    );
    expect(margins.rows.find((row) => row.introducerId === introducer)).toMatchObject({
      leadsBought: 1,
      cost: 500,
      revenue: 4000,
      margin: 3500,
    });
  });

  it('keeps what arrives before the partner or introducer is known, and settles it when they are', async () => {
    const partnerId = randomUUID();
    const introducerId = randomUUID();
    const leadId = await kit.leadRecorded(introducerId);
    await kit.leadRouted(leadId, partnerId, 3000);
    await kit.delivered(leadId, partnerId);
    await expectEventually(async () => {
      const { rows } = await kit.db.query<{ pending: boolean; point: string | null }>(
        `SELECT l.payable_pending AS pending, s.billing_point AS point
           FROM billing.billing_leads l JOIN billing.billing_sales s USING (lead_id)
          WHERE lead_id = $1 AND 'delivery' = ANY(s.points_reached)`,
        [leadId],
      );
      expect(rows).toEqual([{ pending: true, point: null }]);
    });

    await kit.partner({ partnerId: introducerId, mode: 'post-pay', leadCost: 900 });
    await kit.partner({ partnerId, mode: 'post-pay' });
    expect(await accountAt(partnerId, 1)).toMatchObject({ balance: gbp(-3000) });
    await expectEventually(async () => {
      const owed = await kit.json<Statement>(`/billing/introducers/${introducerId}/statement`);
      expect(owed.lines).toMatchObject([{ leadId, amount: 900 }]);
    });
  });

  it('never charges a lead whose return was accepted before its sale was complete', async () => {
    const partner = await kit.partner({ mode: 'post-pay' });
    const leadId = randomUUID();
    await kit.leadEvent(leadId, partner, 'ReturnAccepted', {
      acceptedAt: new Date().toISOString(),
      acceptedBy: { type: 'operator', id: 'ops-jane' },
    });
    await kit.delivered(leadId, partner);
    await kit.leadRouted(leadId, partner, 2500);
    await expectEventually(async () => {
      const { rows } = await kit.db.query<{ returned: boolean; value: string | null }>(
        'SELECT returned, lead_value AS value FROM billing.billing_sales WHERE lead_id = $1',
        [leadId],
      );
      expect(rows).toEqual([{ returned: true, value: '2500' }]);
    });
    expect((await account(partner)).accountVersion).toBe(0);
    expect(await kit.logOf(accountStream(partner))).toEqual([]);
  });

  it('raises the low-funds alert once per crossing: crosses, stays below, tops up, crosses again', async () => {
    const partner = await kit.partner({ mode: 'pre-pay', threshold: 1000 });
    await pay(partner, 5000);
    // One sale at a time: leads go to different partitions, so together they could charge in any order.
    let version = 1;
    const sell = async (value: number) => {
      const leadId = randomUUID();
      await kit.leadRouted(leadId, partner, value);
      await kit.delivered(leadId, partner);
      await accountAt(partner, ++version);
    };
    await sell(2000); // 30.00
    await sell(2000); // 10.00: at the threshold, crosses
    await sell(500); // 5.00: still below, no second alert
    expect((await account(partner)).fundsLow).toBe(true);
    await pay(partner, 5000); // 55.00: above again, re-armed
    await accountAt(partner, ++version);
    expect((await account(partner)).fundsLow).toBe(false);
    await sell(3000); // 25.00
    await sell(2000); // 5.00: crosses again

    const alerts = (await kit.logOf(accountStream(partner)))
      .filter((event) => event.type.startsWith('PartnerFunds'))
      .map((event) => [
        event.type,
        event.data.accountVersion,
        (event.data.available as { amount: number }).amount,
      ]);
    expect(alerts).toEqual([
      ['PartnerFundsLow', 3, 1000],
      ['PartnerFundsRestored', 5, 5500],
      ['PartnerFundsLow', 7, 500],
    ]);

    // A threshold raised above the funds alerts without any money moving; lowered, it re-arms.
    await kit.partnerEvent(partner, 'LowFundsThresholdChanged', { lowFundsThreshold: gbp(100) });
    await kit.partnerEvent(partner, 'LowFundsThresholdChanged', { lowFundsThreshold: gbp(10_000) });
    await expectEventually(async () => {
      const types = (await kit.logOf(accountStream(partner))).map((event) => event.type);
      expect(types.slice(-2)).toEqual(['PartnerFundsRestored', 'PartnerFundsLow']);
    });
  });

  it('answers the balance at any past moment from the log, equal to the ledger at that moment', async () => {
    const partner = await kit.partner({ mode: 'post-pay', creditLimit: 50_000 });
    const steps: (() => Promise<unknown>)[] = [
      () => pay(partner, 20_000),
      async () => {
        const leadId = randomUUID();
        await kit.leadRouted(leadId, partner, 3000);
        await kit.delivered(leadId, partner);
      },
      () =>
        kit.post(`/billing/partners/${partner}/adjustments`, {
          direction: 'debit',
          amount: gbp(1200),
          reason: 'duplicate payment',
        }),
      () =>
        kit.post(`/billing/partners/${partner}/adjustments`, {
          direction: 'credit',
          amount: gbp(700),
          reason: 'goodwill',
        }),
      async () => {
        const leadId = randomUUID();
        await kit.leadRouted(leadId, partner, 4500);
        await kit.delivered(leadId, partner);
        await accountAt(partner, 5);
        const reversed = await kit.post(`/billing/leads/${leadId}/reversal`, {
          partnerId: partner,
          side: 'partner',
          reason: 'partner complained',
        });
        expect(await reversed.json()).toEqual({ partner: 'reversed', introducer: 'not-asked' });
      },
      () =>
        kit.post(`/billing/partners/${partner}/refunds`, {
          amount: gbp(5000),
          reason: 'closing balance paid back',
        }),
    ];
    for (const [index, step] of steps.entries()) {
      await step();
      // One movement per step, except the sale-and-reversal step (two).
      await accountAt(partner, index < 4 ? index + 1 : index + 2);
    }
    const statement = await kit.json<Statement>(`/billing/partners/${partner}/statement`);
    expect(statement.lines.map((line) => line.balanceAfter)).toEqual([
      20_000, 17_000, 15_800, 16_500, 12_000, 16_500, 11_500,
    ]);
    for (const line of statement.lines) {
      const at = await kit.json<{ balance: { amount: number }; accountVersion: number }>(
        `/billing/partners/${partner}/balance?at=${encodeURIComponent(line.recordedAt)}`,
      );
      // Lines recorded in the same millisecond: the balance at that instant is the last one's.
      const sameInstant = statement.lines
        .filter((other) => other.recordedAt === line.recordedAt)
        .at(-1)!;
      expect(at).toMatchObject({
        balance: { amount: sameInstant.balanceAfter },
        accountVersion: sameInstant.entry,
      });
    }
    const before = await kit.json<{ balance: { amount: number } }>(
      `/billing/partners/${partner}/balance?at=2000-01-01T00:00:00Z`,
    );
    expect(before.balance.amount).toBe(0);

    // The ledger read model holds the same balances, line for line.
    const { rows } = await kit.db.query(
      `SELECT entry_version, amount, balance_after FROM billing.billing_ledger
        WHERE partner_id = $1 AND book = 'account' ORDER BY entry_version`,
      [partner],
    );
    expect(rows.map((row: { balance_after: string }) => Number(row.balance_after))).toEqual(
      statement.lines.map((line) => line.balanceAfter),
    );
    const csv = await (await kit.get(`/billing/partners/${partner}/statement?format=csv`)).text();
    expect(csv.split('\n')[0]).toBe(
      'recordedAt,entry,type,kind,leadId,amount,currency,balanceAfter,reference,reason,actorType,actorId,eventId',
    );
    expect(csv).toContain('duplicate payment');
  });

  it('refuses bad money moves with a clear error and changes nothing', async () => {
    const partner = await kit.partner({ mode: 'pre-pay' });
    const refusals: [unknown, number, string][] = [
      [{ amount: { amount: 1000, currency: 'EUR' }, reference: 'x1' }, 400, 'amount.currency'],
      [{ amount: { amount: -1000, currency: 'GBP' }, reference: 'x2' }, 400, 'amount.amount'],
      [{ amount: { amount: 10.5, currency: 'GBP' }, reference: 'x3' }, 400, 'amount.amount'],
      [{ amount: { amount: 1000, currency: 'GBP' } }, 400, 'reference'],
    ];
    for (const [body, status, field] of refusals) {
      const response = await kit.post(`/billing/partners/${partner}/payments`, body);
      expect(response.status).toBe(status);
      expect(JSON.stringify(await response.json())).toContain(field);
    }
    expect((await pay(randomUUID(), 1000)).status).toBe(404);
    expect((await kit.get(`/billing/partners/not-a-uuid/account`)).status).toBe(400);
    const reader = await kit.post(
      `/billing/partners/${partner}/payments`,
      { amount: gbp(1000), reference: 'r' },
      service.tokens.readOnly,
    );
    expect(reader.status).toBe(403);
    const backwards = await kit.get(
      `/billing/partners/${partner}/statement?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z`,
    );
    expect(backwards.status).toBe(400);
    for (const at of ['2026-W01', '20261125T100000Z', '2026-11-25T10:00:00', 'yesterday']) {
      const response = await kit.get(`/billing/partners/${partner}/balance?at=${at}`);
      expect({ at, status: response.status }).toEqual({ at, status: 400 });
    }
    expect((await kit.get(`/billing/partners/${randomUUID()}/statement`)).status).toBe(404);
    const nothing = await kit.post(`/billing/leads/${randomUUID()}/reversal`, {
      partnerId: partner,
      side: 'both',
      reason: 'no such sale',
    });
    expect(await nothing.json()).toEqual({ partner: 'not-charged', introducer: 'nothing-owed' });
    expect((await account(partner)).accountVersion).toBe(0);
    expect(await kit.logOf(accountStream(partner))).toEqual([]);
  });
});
