import { randomUUID } from 'node:crypto';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { findMessage, payloadOf } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { routingService } from './routing.service';
import { RoutingTestKit } from './testing/routing-test-kit';

/** A lead type of this test's own: partners and leads of other tests never mix in. */
function leadType(): string {
  return `rt-${randomUUID().slice(0, 8)}`;
}

type Candidate = { partnerId: string; eligible: boolean; reasons: { code: string }[] };
type Decision = { candidates: Candidate[] };

describe('routing a recorded lead', () => {
  let service: ServiceUnderTest;
  let kit: RoutingTestKit;

  beforeAll(async () => {
    service = await startServiceUnderTest(routingService);
    kit = await RoutingTestKit.for(service);
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
  });

  it('routes to the eligible partner with the highest priority, explains why, and publishes it', async () => {
    const type = leadType();
    const preferred = await kit.partner({ leadType: type, priority: 80 });
    const other = await kit.partner({ leadType: type, priority: 50 });
    const [leadId] = await kit.recordLeads(type);

    const answer = await kit.historyOf(leadId!, ['RoutingRequested', 'LeadRouted']);
    const routed = answer.history[1]!.data as { partnerId: string; decision: Decision };
    expect(routed.partnerId).toBe(preferred);
    expect(answer.holding).toEqual([preferred]);
    expect(routed.decision.candidates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ partnerId: preferred, eligible: true, reasons: [] }),
        expect.objectContaining({ partnerId: other, eligible: true, reasons: [] }),
      ]),
    );

    const published = await findMessage(Topics.routing, (message) => {
      const payload = payloadOf(message);
      return message.key === leadId && payload['type'] === 'LeadRouted';
    });
    expect(payloadOf(published)).toMatchObject({
      type: 'LeadRouted',
      source: 'leadrail.routing',
      data: { leadId, partnerId: preferred },
    });
  });

  it('skips a partner at its daily limit, with the reason', async () => {
    const type = leadType();
    const capped = await kit.partner({ leadType: type, priority: 80, dailyLimit: 1 });
    const other = await kit.partner({ leadType: type, priority: 50 });
    const [first] = await kit.recordLeads(type);
    await kit.historyOf(first!, ['RoutingRequested', 'LeadRouted']);
    const [second] = await kit.recordLeads(type);

    const answer = await kit.historyOf(second!, ['RoutingRequested', 'LeadRouted']);
    const routed = answer.history[1]!.data as { partnerId: string; decision: Decision };
    expect(routed.partnerId).toBe(other);
    const cappedCandidate = routed.decision.candidates.find((c) => c.partnerId === capped);
    expect(cappedCandidate).toMatchObject({
      eligible: false,
      reasons: [expect.objectContaining({ code: 'daily-limit-reached', count: 1, limit: 1 })],
    });

    const day = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const counts = await kit.get<{ daily: { count: number; leadIds: string[] } }>(
      `/routing/partners/${capped}/counts?day=${day}`,
    );
    expect(counts.body.daily).toEqual({ count: 1, leadIds: [first] });
  });

  it('records a lead nobody can take as unroutable, with each partner’s reasons', async () => {
    const type = leadType();
    const paused = await kit.partner({ leadType: type, paused: true });
    const [leadId] = await kit.recordLeads(type);

    const answer = await kit.historyOf(leadId!, ['RoutingRequested', 'LeadUnroutable']);
    const unroutable = answer.history[1]!.data as { decision: Decision };
    expect(unroutable.decision.candidates).toEqual([
      expect.objectContaining({
        partnerId: paused,
        eligible: false,
        reasons: [{ code: 'paused' }],
      }),
    ]);
  });

  it('releases a declined referral and routes the lead to the next partner', async () => {
    const type = leadType();
    const first = await kit.partner({ leadType: type, priority: 80 });
    const next = await kit.partner({ leadType: type, priority: 50 });
    const [leadId] = await kit.recordLeads(type);
    await kit.historyOf(leadId!, ['RoutingRequested', 'LeadRouted']);

    await kit.publishLeadEvent(leadId!, 'ReferralDeclined', {
      partnerId: first,
      declinedAt: new Date().toISOString(),
      declinedBy: { type: 'partner', id: first },
      reason: null,
    });

    const answer = await kit.historyOf(leadId!, [
      'RoutingRequested',
      'LeadRouted',
      'LeadAllocationReleased',
      'LeadRouted',
    ]);
    expect(answer.history[2]!.data).toMatchObject({
      partnerId: first,
      reason: 'referral-declined',
      releasedReservation: { amount: 3500, currency: 'GBP' },
    });
    const rerouted = answer.history[3]!.data as {
      partnerId: string;
      decision: { alreadyTried: string[] };
    };
    expect(rerouted.partnerId).toBe(next);
    expect(rerouted.decision.alreadyTried).toEqual([first]);
    expect(answer).toMatchObject({ tried: [first, next], holding: [next] });

    const day = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const counts = await kit.get<{ daily: { count: number } }>(
      `/routing/partners/${first}/counts?day=${day}`,
    );
    expect(counts.body.daily.count).toBe(0);
  });
});
