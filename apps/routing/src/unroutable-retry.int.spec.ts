import { randomUUID } from 'node:crypto';
import { mortgageLeadRecorded } from '@leadrail/leads-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, findMessage, payloadOf } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { Client } from 'pg';
import { routingService } from './routing.service';
import { BillingTestKit } from './testing/billing-test-kit';
import { RoutingTestKit } from './testing/routing-test-kit';

jest.setTimeout(120_000);

const MAX_AGE_MINUTES = 60;

function leadType(): string {
  return `retry-${randomUUID().slice(0, 8)}`;
}

/** Whether a message on the routing topic is the lead's event of this type. */
function isEvent(message: { value: Buffer | null }, type: string, leadId: string): boolean {
  const payload = payloadOf(message) as { type?: string; data?: { leadId?: string } };
  return payload.type === type && payload.data?.leadId === leadId;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Unroutable leads are retried when something changes (partner settings,
 * money in, or, with nothing announced, every retry interval) and abandoned
 * once older than the retry age; a retry that still finds nobody records nothing.
 */
describe('retrying unroutable leads', () => {
  let service: ServiceUnderTest;
  let kit: RoutingTestKit;
  let billing: BillingTestKit;
  let db: Client;

  beforeAll(async () => {
    service = await startServiceUnderTest(routingService, {
      ROUTING_RETRY_POLL_MS: '200',
      ROUTING_RETRY_INTERVAL_MS: '1000',
      ROUTING_RETRY_MAX_AGE_MINUTES: String(MAX_AGE_MINUTES),
    });
    kit = await RoutingTestKit.for(service);
    billing = await BillingTestKit.for(service);
    db = new Client({ connectionString: service.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await billing?.close();
    await kit?.close();
    await service?.stop();
  });

  async function waiting(leadId: string): Promise<number> {
    const { rows } = await db.query<{ checks: number }>(
      'SELECT checks FROM routing.routing_unroutable_leads WHERE lead_id = $1',
      [leadId],
    );
    return rows[0]?.checks ?? -1;
  }

  it('routes a lead once its paused partner resumes, recording no decision in between', async () => {
    const type = leadType();
    const partner = await kit.partner({ leadType: type, paused: true });
    const [leadId] = await kit.recordLeads(type);
    await kit.historyOf(leadId!, ['RoutingRequested', 'LeadUnroutable']);

    // Retry intervals pass: the lead is looked at again and again, nothing is recorded.
    await expectEventually(async () => expect(await waiting(leadId!)).toBeGreaterThanOrEqual(2), {
      timeoutMs: 30_000,
    });
    await kit.historyOf(leadId!, ['RoutingRequested', 'LeadUnroutable']);

    await billing.partnerEvent(partner, 'DeliveriesResumed', {});
    const answer = await kit.historyOf(leadId!, [
      'RoutingRequested',
      'LeadUnroutable',
      'LeadRouted',
    ]);
    expect(answer.holding).toEqual([partner]);
    await expectEventually(async () => expect(await waiting(leadId!)).toBe(-1));
    // Published like any decision, caused by the retry of the unroutable decision.
    const routed = await findMessage(Topics.routing, (message) =>
      isEvent(message, 'LeadRouted', leadId!),
    );
    expect(routed).toBeDefined();
  });

  it('routes a lead to a pre-pay partner once money comes in', async () => {
    const type = leadType();
    const partner = await kit.partner({ leadType: type });
    await billing.makePrePay(partner);
    const [leadId] = await kit.recordLeads(type);
    await kit.historyOf(leadId!, ['RoutingRequested', 'LeadUnroutable']);

    await billing.credit(partner, 3500);
    const answer = await kit.historyOf(leadId!, [
      'RoutingRequested',
      'LeadUnroutable',
      'LeadRouted',
    ]);
    expect(answer.history[2]!.data).toMatchObject({ partnerId: partner });
    expect(await billing.funds(partner)).toMatchObject({ reserved: { leadIds: [leadId] } });
  });

  it('abandons a lead older than the retry age, and routes it no more', async () => {
    const type = leadType();
    const leadId = randomUUID();
    const recordedAt = new Date(Date.now() - (MAX_AGE_MINUTES + 1) * 60_000).toISOString();
    await kit.publishLeadEvent(leadId, 'LeadRecorded', {
      ...mortgageLeadRecorded.payload.data,
      leadId,
      leadType: type,
      recordedAt,
    });
    const answer = await kit.historyOf(leadId, [
      'RoutingRequested',
      'LeadUnroutable',
      'LeadRoutingAbandoned',
    ]);
    expect(answer.history[2]!.data).toEqual({
      leadId,
      reason: 'max-age-reached',
      leadRecordedAt: recordedAt,
      maxAgeMinutes: MAX_AGE_MINUTES,
      abandonedAt: expect.any(String) as string,
    });
    // Off the list once the retry's transaction commits (and the projection follows).
    await expectEventually(async () => expect(await waiting(leadId)).toBe(-1));
    const published = await findMessage(Topics.routing, (message) =>
      isEvent(message, 'LeadRoutingAbandoned', leadId),
    );
    expect(published).toBeDefined();

    // A partner for the type now: the abandoned lead stays where it is.
    await kit.partner({ leadType: type });
    await sleep(1500);
    await kit.historyOf(leadId, ['RoutingRequested', 'LeadUnroutable', 'LeadRoutingAbandoned']);
  });
});
