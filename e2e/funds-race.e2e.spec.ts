import { randomBytes, randomUUID } from 'node:crypto';
import { accountStream } from '@leadrail/billing-domain';
import { mortgageLeadRecorded } from '@leadrail/leads-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { Client } from 'pg';
// Apps have no import alias: this test runs two of them together, in one process.
/* eslint-disable @nx/enforce-module-boundaries */
import { billingService } from '../apps/billing/src/billing.service';
import { BillingTestKit, type Envelope, gbp } from '../apps/billing/src/testing/billing-test-kit';
import { routingService } from '../apps/routing/src/routing.service';
import { RoutingTestKit } from '../apps/routing/src/testing/routing-test-kit';
/* eslint-enable @nx/enforce-module-boundaries */

jest.setTimeout(300_000);

/** The Lead Value the routing kit's partners pay (GBP 35.00). */
const VALUE = 3500;
const LEADS = 100;
const AFFORDABLE = 30;

/**
 * Issue #13's race: one pre-pay partner with funds for 30 leads, 100 leads
 * at once, two routing and two billing processes (one consumer group and one
 * database per service), every lead and every delivery published twice as a
 * restarted relay would: exactly 30 allocated, each charged once, and the
 * balance never below zero at any position of billing's log.
 */
describe('funds across routing and billing, two instances of each', () => {
  const routing: ServiceUnderTest[] = [];
  const billing: ServiceUnderTest[] = [];
  let routingKit: RoutingTestKit;
  let billingKit: BillingTestKit;
  let routingDb: Client;

  async function twoOf(definition: typeof routingService, into: ServiceUnderTest[]): Promise<void> {
    const group = `test-${definition.name}-race-${randomBytes(4).toString('hex')}`;
    const first = await startServiceUnderTest(definition, { KAFKA_GROUP_ID: group });
    into.push(first);
    into.push(
      await startServiceUnderTest(definition, {
        DATABASE_URL: first.database.url,
        KAFKA_GROUP_ID: group,
      }),
    );
  }

  beforeAll(async () => {
    await twoOf(routingService, routing);
    await twoOf(billingService, billing);
    routingKit = await RoutingTestKit.for(routing[0]!);
    billingKit = await BillingTestKit.for(billing[0]!);
    routingDb = new Client({ connectionString: routing[0]!.database.url });
    await routingDb.connect();
  });

  afterAll(async () => {
    await routingDb?.end();
    await billingKit?.close();
    await routingKit?.close();
    // The first instance of each owns its database: it stops (and drops it) last.
    for (const instance of [...billing.reverse(), ...routing.reverse()]) {
      await instance.stop();
    }
  });

  it('allocates and charges exactly what the funds cover, once each, never below zero', async () => {
    const leadType = `race-${randomUUID().slice(0, 8)}`;
    const partner = await routingKit.partner({ leadType, prePay: true });
    await expectEventually(async () => {
      expect((await billingKit.get(`/billing/partners/${partner}/account`)).status).toBe(200);
    });
    const paid = await billingKit.post(`/billing/partners/${partner}/payments`, {
      amount: gbp(AFFORDABLE * VALUE + 100),
      reference: `race ${partner}`,
    });
    expect(paid.status).toBe(201);
    await expectEventually(async () => {
      const funds = await routingKit.get<{ account: { accountVersion: number } | null }>(
        `/routing/partners/${partner}/funds`,
      );
      expect(funds.body.account?.accountVersion).toBe(1);
    });

    // 100 leads, each published twice.
    const leads = Array.from({ length: LEADS }, () => recorded(leadType));
    await routingKit.publishLeadEvents([...leads, ...leads]);
    const leadIds = leads.map((lead) => lead.data.leadId);
    const routed = await expectEventually(
      async () => {
        const { rows } = await routingDb.query<{ type: string; lead_id: string }>(
          `SELECT DISTINCT type, data->>'leadId' AS lead_id FROM routing_log.events
            WHERE type IN ('LeadRouted', 'LeadUnroutable') AND data->>'leadId' = ANY($1)`,
          [leadIds],
        );
        const decided = new Set(rows.map((row) => row.lead_id));
        expect(decided.size).toBe(LEADS);
        return rows.filter((row) => row.type === 'LeadRouted').map((row) => row.lead_id);
      },
      { timeoutMs: 180_000, intervalMs: 1000 },
    );
    expect(new Set(routed).size).toBe(AFFORDABLE);

    // Each routed lead delivered, and the delivery published twice.
    const deliveries: Envelope[] = [];
    for (const leadId of routed) {
      deliveries.push(await billingKit.delivered(leadId, partner));
    }
    for (const [index, leadId] of routed.entries()) {
      await billingKit.resend(Topics.leads, leadId, deliveries[index]!);
    }

    const log = await expectEventually(
      async () => {
        const events = await billingKit.logOf(accountStream(partner));
        expect(events.filter((event) => event.type === 'PartnerCharged')).toHaveLength(AFFORDABLE);
        return events;
      },
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
    const charged = log
      .filter((event) => event.type === 'PartnerCharged')
      .map((event) => event.data.leadId as string);
    expect(new Set(charged).size).toBe(AFFORDABLE);
    expect([...charged].sort()).toEqual([...routed].sort());
    const balances = log
      .filter((event) => 'balanceAfter' in event.data)
      .map((event) => (event.data.balanceAfter as { amount: number }).amount);
    expect(Math.min(...balances)).toBeGreaterThanOrEqual(0);
    expect(balances.at(-1)).toBe(100);

    // Routing sees every reservation settled and 1.00 left; no lead more was allocated.
    await expectEventually(async () => {
      const funds = await routingKit.get<{
        reserved: { amount: number };
        left: { amount: number };
      }>(`/routing/partners/${partner}/funds`);
      expect(funds.body).toMatchObject({ reserved: { amount: 0 }, left: { amount: 100 } });
    });
    const { rows } = await routingDb.query<{ count: string }>(
      `SELECT count(DISTINCT data->>'leadId') AS count FROM routing_log.events
        WHERE type = 'LeadRouted' AND data->>'leadId' = ANY($1)`,
      [leadIds],
    );
    expect(Number(rows[0]!.count)).toBe(AFFORDABLE);
  });
});

/** `LeadRecorded` as the leads relay publishes it. */
function recorded(leadType: string) {
  const example = mortgageLeadRecorded.payload;
  const eventId = randomUUID();
  const now = new Date().toISOString();
  return {
    ...example,
    eventId,
    correlationId: eventId,
    causationId: eventId,
    occurredAt: now,
    data: { ...example.data, leadId: randomUUID(), leadType, recordedAt: now },
  };
}
