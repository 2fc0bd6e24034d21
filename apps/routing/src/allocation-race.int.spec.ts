import { randomBytes, randomUUID } from 'node:crypto';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { AssignerProtocol } from 'kafkajs';
import { Topics } from '@leadrail/topics';
import { Client } from 'pg';
import { routingService } from './routing.service';
import { BillingTestKit } from './testing/billing-test-kit';
import { RoutingTestKit } from './testing/routing-test-kit';

jest.setTimeout(240_000);

/**
 * Issue #11's race: three routing processes (one consumer group, one log and
 * database), one partner with a daily limit of 10, 200 leads at once.
 */
describe('three routing instances racing for one partner', () => {
  const instances: ServiceUnderTest[] = [];
  let kit: RoutingTestKit;
  let billing: BillingTestKit;
  let db: Client;
  const group = `test-routing-race-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const first = await startServiceUnderTest(routingService, { KAFKA_GROUP_ID: group });
    instances.push(first);
    for (let index = 1; index < 3; index++) {
      instances.push(
        await startServiceUnderTest(routingService, {
          DATABASE_URL: first.database.url,
          KAFKA_GROUP_ID: group,
        }),
      );
    }
    kit = await RoutingTestKit.for(first);
    billing = await BillingTestKit.for(first);
    db = new Client({ connectionString: first.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await billing?.close();
    await kit?.close();
    // The first instance owns the shared database: it stops (and drops it) last.
    for (const instance of [...instances].reverse()) {
      await instance.stop();
    }
  });

  /** Each instance holds partitions of the leads topic before the leads arrive: the race is real. */
  async function everyInstanceHoldsLeadPartitions(): Promise<void> {
    const admin = plainKafka().admin();
    await admin.connect();
    try {
      await expectEventually(
        async () => {
          const { groups } = await admin.describeGroups([group]);
          const members = groups[0]?.members ?? [];
          expect(members).toHaveLength(3);
          for (const member of members) {
            const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
            expect(assignment?.assignment[Topics.leads]?.length ?? 0).toBeGreaterThan(0);
          }
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
    } finally {
      await admin.disconnect();
    }
  }

  /** Once every lead has a decision: how many each partner got. */
  async function routedCounts(leadIds: string[]): Promise<Record<string, number>> {
    return expectEventually(
      async () => {
        const { rows } = await db.query<{ type: string; partner_id: string | null; leads: string }>(
          `SELECT type, data->>'partnerId' AS partner_id, count(DISTINCT data->>'leadId') AS leads
             FROM routing_log.events
            WHERE type IN ('LeadRouted', 'LeadUnroutable') AND data->>'leadId' = ANY($1)
            GROUP BY 1, 2`,
          [leadIds],
        );
        const counts = Object.fromEntries(
          rows.map((row) => [row.partner_id ?? 'unroutable', Number(row.leads)]),
        );
        expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(leadIds.length);
        return counts;
      },
      { timeoutMs: 200_000, intervalMs: 1000 },
    );
  }

  it('allocates exactly 10 of 200 leads to the partner with a daily limit of 10', async () => {
    const type = `race-${randomUUID().slice(0, 8)}`;
    const capped = await kit.partner({ leadType: type, priority: 80, dailyLimit: 10 });
    const other = await kit.partner({ leadType: type, priority: 50 });
    await everyInstanceHoldsLeadPartitions();
    const leadIds = await kit.recordLeads(type, 200);

    const routedTo = await routedCounts(leadIds);
    expect(routedTo).toEqual({ [capped]: 10, [other]: 190 });

    const day = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const counts = await kit.get<{ daily: { count: number } }>(
      `/routing/partners/${capped}/counts?day=${day}`,
    );
    expect(counts.body.daily.count).toBe(10);
  });

  it('allocates exactly 7 of 200 leads to a pre-pay partner with funds for 7', async () => {
    const type = `race-funds-${randomUUID().slice(0, 8)}`;
    const prePay = await kit.partner({ leadType: type, priority: 80 });
    const other = await kit.partner({ leadType: type, priority: 50 });
    await billing.makePrePay(prePay);
    // Seven Lead Values of GBP 35.00 and 34.99 more: not enough for an eighth.
    await billing.credit(prePay, 7 * 3500 + 3499);
    await billing.fundsAt(prePay, 1);
    await everyInstanceHoldsLeadPartitions();
    const leadIds = await kit.recordLeads(type, 200);

    expect(await routedCounts(leadIds)).toEqual({ [prePay]: 7, [other]: 193 });
    expect(await billing.funds(prePay)).toMatchObject({
      reserved: { amount: 7 * 3500 },
      left: { amount: 3499, currency: 'GBP' },
    });
  });
});
