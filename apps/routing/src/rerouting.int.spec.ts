import { randomUUID } from 'node:crypto';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { routingService } from './routing.service';
import { type RerouteCauseType, rerouteCause } from './testing/lead-events';
import { EVENTUALLY_MS, type HistoryAnswer, RoutingTestKit } from './testing/routing-test-kit';

jest.setTimeout(240_000);

/** A lead type of this test's own: partners and leads of other tests never mix in. */
function leadType(): string {
  return `rr-${randomUUID().slice(0, 8)}`;
}

function gbp(amount: number): { amount: number; currency: string } {
  return { amount, currency: 'GBP' };
}

type Candidate = {
  partnerId: string;
  eligible: boolean;
  leadValue: { amount: number; currency: string } | null;
  reasons: Record<string, unknown>[];
};
type Decision = { alreadyTried: string[]; candidates: Candidate[] };
type DecisionData = { partnerId?: string; decision: Decision };

/** The decision of the history's entry at `index` (a LeadRouted or LeadUnroutable). */
function decisionAt(answer: HistoryAnswer, index: number): DecisionData {
  return answer.history[index]!.data as unknown as DecisionData;
}

const CAUSES: [RerouteCauseType, string][] = [
  ['ReferralDeclined', 'referral-declined'],
  ['ReferralExpired', 'referral-expired'],
  ['LeadDeliveryFailed', 'delivery-failed'],
];

/**
 * Issue #11, "Done when": decline, expiry and final delivery failure each
 * re-route to the next partner with the released count and reservation
 * visible; the why endpoint answers for a lead routed, re-routed and
 * unroutable. Causes go on `leadrail.leads.v1` as the leads relay publishes
 * them; everything is read back from the why and counts endpoints, the
 * partners' ledgers and `leadrail.routing.v1`.
 */
describe('re-routing a lead', () => {
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

  const historyOf = (leadId: string, types: string[]) =>
    kit.historyOf(leadId, types, EVENTUALLY_MS);

  describe.each(CAUSES)('on %s', (causeType, reason) => {
    it("gives P1's count and reservation back and routes the lead to P2", async () => {
      const type = leadType();
      // P1's credit covers exactly one lead at its Lead Value: while it holds one, it can take no other.
      const first = await kit.partner({
        leadType: type,
        priority: 80,
        leadValue: 3500,
        creditLimit: 3500,
      });
      const next = await kit.partner({ leadType: type, priority: 50, leadValue: 2000 });

      const [leadId] = await kit.recordLeads(type);
      const routed = await historyOf(leadId!, ['RoutingRequested', 'LeadRouted']);
      expect(routed.history[1]!.data).toMatchObject({ partnerId: first, leadValue: gbp(3500) });
      expect(await kit.counts(first)).toMatchObject({
        daily: { count: 1, leadIds: [leadId] },
        monthly: { count: 1, leadIds: [leadId] },
      });

      // The reservation is real: while P1 holds the lead, its credit is spent.
      const [whileHeld] = await kit.recordLeads(type);
      const short = await historyOf(whileHeld!, ['RoutingRequested', 'LeadRouted']);
      expect(decisionAt(short, 1).partnerId).toBe(next);
      expect(decisionAt(short, 1).decision.candidates).toContainEqual(
        expect.objectContaining({
          partnerId: first,
          eligible: false,
          reasons: [
            {
              code: 'insufficient-funds',
              available: gbp(3500),
              committed: gbp(3500),
              needed: gbp(3500),
            },
          ],
        }),
      );

      const cause = rerouteCause(causeType, leadId!, first);
      await kit.publishLeadEvents([cause]);

      const answer = await historyOf(leadId!, [
        'RoutingRequested',
        'LeadRouted',
        'LeadAllocationReleased',
        'LeadRouted',
      ]);
      const [, , released, rerouted] = answer.history;
      expect(released).toMatchObject({
        causationId: cause.eventId,
        data: { leadId, partnerId: first, reason, releasedReservation: gbp(3500) },
      });
      expect(rerouted).toMatchObject({
        causationId: cause.eventId,
        data: { leadId, partnerId: next, leadValue: gbp(2000) },
      });
      // P1 is not weighed again: P2 is the one candidate left.
      expect(decisionAt(answer, 3).decision).toMatchObject({
        alreadyTried: [first],
        candidates: [
          expect.objectContaining({
            partnerId: next,
            eligible: true,
            leadValue: gbp(2000),
            reasons: [],
          }),
        ],
      });
      expect(answer).toMatchObject({ leadId, tried: [first, next], holding: [next] });
      const positions = answer.history.map((entry) => BigInt(entry.position));
      expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);

      // The count went back down on P1's ledger, and up on P2's.
      expect(await kit.counts(first)).toMatchObject({
        daily: { count: 0, leadIds: [] },
        monthly: { count: 0, leadIds: [] },
      });
      const nextCounts = await kit.counts(next);
      expect(nextCounts.daily.count).toBe(2);
      expect([...nextCounts.daily.leadIds].sort()).toEqual([leadId, whileHeld].sort());
      const ledger = await kit.ledgerOf(first);
      expect(ledger.map((event) => event.type)).toEqual([
        'LeadAllocatedToPartner',
        'AllocationReleased',
      ]);
      expect(ledger[1]!.data).toMatchObject({ leadId, reason, releasedReservation: gbp(3500) });

      // Published as the why endpoint tells it, caused by the consumed event.
      const published = await kit.publishedFor(leadId!, [
        'LeadRouted',
        'LeadAllocationReleased',
        'LeadRouted',
      ]);
      expect(published.map((event) => event.data)).toEqual(
        answer.history.slice(1).map((entry) => entry.data),
      );
      expect(published[1]).toMatchObject({
        source: 'leadrail.routing',
        causationId: cause.eventId,
        correlationId: cause.correlationId,
        data: { partnerId: first, reason, releasedReservation: gbp(3500) },
      });

      // The reservation was given back: P1 can afford a lead again.
      const [afterRelease] = await kit.recordLeads(type);
      const again = await historyOf(afterRelease!, ['RoutingRequested', 'LeadRouted']);
      expect(decisionAt(again, 1).partnerId).toBe(first);
    });
  });

  it('records a lead no partner can take as unroutable, with each partner’s reasons', async () => {
    const type = leadType();
    const paused = await kit.partner({ leadType: type, paused: true });
    const short = await kit.partner({ leadType: type, leadValue: 3500, creditLimit: 1000 });
    const prePay = await kit.partner({ leadType: type, prePay: true });

    const [leadId] = await kit.recordLeads(type);

    const answer = await historyOf(leadId!, ['RoutingRequested', 'LeadUnroutable']);
    expect(answer).toMatchObject({ leadId, tried: [], holding: [] });
    const { decision } = decisionAt(answer, 1);
    expect(decision.alreadyTried).toEqual([]);
    expect(decision.candidates).toHaveLength(3);
    expect(decision.candidates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          partnerId: paused,
          eligible: false,
          leadValue: null,
          reasons: [{ code: 'paused' }],
        }),
        expect.objectContaining({
          partnerId: short,
          eligible: false,
          reasons: [
            {
              code: 'insufficient-funds',
              available: gbp(1000),
              committed: gbp(0),
              needed: gbp(3500),
            },
          ],
        }),
        expect.objectContaining({
          partnerId: prePay,
          eligible: false,
          reasons: [{ code: 'funds-unknown', detail: 'no-account' }],
        }),
      ]),
    );
    for (const partnerId of [paused, short, prePay]) {
      expect((await kit.counts(partnerId)).daily.count).toBe(0);
      expect(await kit.ledgerOf(partnerId)).toEqual([]);
    }
    const published = await kit.publishedFor(leadId!, ['LeadUnroutable']);
    expect(published[0]!.data).toEqual(answer.history[1]!.data);

    // A lead routing never decided anything for is no answer, not an empty one.
    const unknown = await kit.get(`/routing/leads/${randomUUID()}`);
    expect(unknown.status).toBe(404);
  });

  it('makes a re-routed lead unroutable when every partner left is ineligible, naming P1 as tried', async () => {
    const type = leadType();
    const first = await kit.partner({ leadType: type, priority: 80 });
    const short = await kit.partner({
      leadType: type,
      priority: 50,
      leadValue: 3500,
      creditLimit: 1000,
    });
    const [leadId] = await kit.recordLeads(type);
    await historyOf(leadId!, ['RoutingRequested', 'LeadRouted']);

    const cause = rerouteCause('ReferralExpired', leadId!, first);
    await kit.publishLeadEvents([cause]);

    const answer = await historyOf(leadId!, [
      'RoutingRequested',
      'LeadRouted',
      'LeadAllocationReleased',
      'LeadUnroutable',
    ]);
    expect(answer).toMatchObject({ leadId, tried: [first], holding: [] });
    expect(answer.history[2]).toMatchObject({
      causationId: cause.eventId,
      data: { partnerId: first, reason: 'referral-expired', releasedReservation: gbp(3500) },
    });
    expect(answer.history[3]!.causationId).toBe(cause.eventId);
    expect(decisionAt(answer, 3).decision).toMatchObject({
      alreadyTried: [first],
      candidates: [
        {
          partnerId: short,
          priority: 50,
          eligible: false,
          leadValue: null,
          reasons: [
            {
              code: 'insufficient-funds',
              available: gbp(1000),
              committed: gbp(0),
              needed: gbp(3500),
            },
          ],
        },
      ],
    });
    expect((await kit.counts(first)).daily).toEqual({ count: 0, leadIds: [] });
    expect((await kit.counts(short)).daily).toEqual({ count: 0, leadIds: [] });
    const published = await kit.publishedFor(leadId!, [
      'LeadRouted',
      'LeadAllocationReleased',
      'LeadUnroutable',
    ]);
    expect(published[2]!.data).toEqual(answer.history[3]!.data);
  });

  it('releases and re-routes once for a redelivered cause', async () => {
    const type = leadType();
    const first = await kit.partner({ leadType: type, priority: 80 });
    const next = await kit.partner({ leadType: type, priority: 50 });
    const [leadId] = await kit.recordLeads(type);
    await historyOf(leadId!, ['RoutingRequested', 'LeadRouted']);

    const declined = rerouteCause('ReferralDeclined', leadId!, first);
    await kit.publishLeadEvents([declined]);
    await historyOf(leadId!, [
      'RoutingRequested',
      'LeadRouted',
      'LeadAllocationReleased',
      'LeadRouted',
    ]);

    // Delivered again after routing's inbox lost it (the handler's appends were committed, its
    // inbox claim was not): the handler runs again, and must find the cause handled.
    await kit.consumed(declined.eventId);
    await kit.forgetConsumed(declined.eventId);
    await kit.publishLeadEvents([declined]);
    await kit.consumed(declined.eventId);
    // And delivered again as Kafka redelivers it (the inbox has it).
    await kit.publishLeadEvents([declined]);
    // A later cause of the same lead: its partition is consumed in order, so once this one's
    // effects show, both redeliveries have been handled.
    const failed = rerouteCause('LeadDeliveryFailed', leadId!, next);
    await kit.publishLeadEvents([failed]);

    const answer = await historyOf(leadId!, [
      'RoutingRequested',
      'LeadRouted',
      'LeadAllocationReleased',
      'LeadRouted',
      'LeadAllocationReleased',
      'LeadUnroutable',
    ]);
    expect(
      answer.history.slice(2).map((entry) => [entry.causationId, entry.data.partnerId]),
    ).toEqual([
      [declined.eventId, first],
      [declined.eventId, next],
      [failed.eventId, next],
      [failed.eventId, undefined],
    ]);
    // Nobody is left: an unroutable decision weighing no one.
    expect(decisionAt(answer, 5).decision).toMatchObject({
      alreadyTried: [first, next],
      candidates: [],
    });
    expect(answer).toMatchObject({ tried: [first, next], holding: [] });
    for (const partnerId of [first, next]) {
      expect((await kit.ledgerOf(partnerId)).map((event) => event.type)).toEqual([
        'LeadAllocatedToPartner',
        'AllocationReleased',
      ]);
      expect((await kit.counts(partnerId)).daily).toEqual({ count: 0, leadIds: [] });
    }
    await kit.publishedFor(leadId!, [
      'LeadRouted',
      'LeadAllocationReleased',
      'LeadRouted',
      'LeadAllocationReleased',
      'LeadUnroutable',
    ]);
  });

  describe('when the first attempt at a cause stops half-way (the consumer runs it again)', () => {
    /**
     * A lead routed to P1 (P2 next) whose decline fails to append `failedType`
     * to the lead's routing stream once; returns the history once re-routed.
     */
    async function declineInterruptedAt(failedType: string) {
      const type = leadType();
      const first = await kit.partner({ leadType: type, priority: 80 });
      const next = await kit.partner({ leadType: type, priority: 50 });
      const [leadId] = await kit.recordLeads(type);
      await historyOf(leadId!, ['RoutingRequested', 'LeadRouted']);
      const failed = await kit.failNextAppend(`leadRouting-${leadId}`, failedType);

      const declined = rerouteCause('ReferralDeclined', leadId!, first);
      await kit.publishLeadEvents([declined]);

      const answer = await historyOf(leadId!, [
        'RoutingRequested',
        'LeadRouted',
        'LeadAllocationReleased',
        'LeadRouted',
      ]);
      expect(await failed()).toBe(true);
      return { leadId: leadId!, first, next, declined, answer };
    }

    it('after the ledger gave the allocation back: releases once and re-routes once', async () => {
      const { leadId, first, next, declined, answer } =
        await declineInterruptedAt('LeadAllocationReleased');

      expect(
        answer.history.slice(2).map((entry) => [entry.causationId, entry.data.partnerId]),
      ).toEqual([
        [declined.eventId, first],
        [declined.eventId, next],
      ]);
      expect((await kit.ledgerOf(first)).map((event) => event.type)).toEqual([
        'LeadAllocatedToPartner',
        'AllocationReleased',
      ]);
      expect((await kit.ledgerOf(first))[1]!.data).toMatchObject({
        leadId,
        releasedReservation: gbp(3500),
      });
      expect((await kit.counts(first)).daily).toEqual({ count: 0, leadIds: [] });
      expect((await kit.counts(next)).daily).toEqual({ count: 1, leadIds: [leadId] });
      await kit.publishedFor(leadId, ['LeadRouted', 'LeadAllocationReleased', 'LeadRouted']);
    });

    // The retry finds the ledger's release already appended (nothing new) and reads what it gave back.
    it('after the ledger gave the allocation back: records the reservation it gave back', async () => {
      const { first, answer } = await declineInterruptedAt('LeadAllocationReleased');

      expect(answer.history[2]!.data).toMatchObject({
        partnerId: first,
        releasedReservation: gbp(3500),
      });
    });

    it("after P2's ledger accepted the lead: records that allocation, and no second one", async () => {
      const { leadId, first, next, declined, answer } = await declineInterruptedAt('LeadRouted');

      expect(answer.history[2]).toMatchObject({
        causationId: declined.eventId,
        data: { partnerId: first, releasedReservation: gbp(3500) },
      });
      expect(answer.history[3]).toMatchObject({
        causationId: declined.eventId,
        data: { partnerId: next, leadValue: gbp(3500) },
      });
      expect(answer).toMatchObject({ tried: [first, next], holding: [next] });
      expect((await kit.ledgerOf(next)).map((event) => event.type)).toEqual([
        'LeadAllocatedToPartner',
      ]);
      expect((await kit.counts(next)).daily).toEqual({ count: 1, leadIds: [leadId] });
      await kit.publishedFor(leadId, ['LeadRouted', 'LeadAllocationReleased', 'LeadRouted']);
    });
  });

  it('changes nothing for a decline of an unroutable lead routing never gave the partner (a manual referral)', async () => {
    const type = leadType();
    // The one partner buying the type is paused: the lead is unroutable.
    const paused = await kit.partner({ leadType: type, paused: true });
    const [leadId] = await kit.recordLeads(type);
    const unroutable = await historyOf(leadId!, ['RoutingRequested', 'LeadUnroutable']);
    // An operator refers it to that partner by hand anyway; the partner declines.
    const declined = rerouteCause('ReferralDeclined', leadId!, paused);
    await kit.publishLeadEvents([declined]);
    await kit.consumed(declined.eventId);

    // No release, no new decision: the history and the topic are as they were.
    expect(await historyOf(leadId!, ['RoutingRequested', 'LeadUnroutable'])).toEqual(unroutable);
    expect((await kit.counts(paused)).daily).toEqual({ count: 0, leadIds: [] });
    expect(await kit.ledgerOf(paused)).toEqual([]);
    await kit.publishedFor(leadId!, ['LeadUnroutable']);
  });

  it('changes nothing for a cause of a partner that does not hold the lead', async () => {
    const type = leadType();
    const first = await kit.partner({ leadType: type, priority: 80 });
    const other = await kit.partner({ leadType: type, priority: 50 });
    const [leadId] = await kit.recordLeads(type);
    const routed = await historyOf(leadId!, ['RoutingRequested', 'LeadRouted']);

    // `other` never had the lead.
    const stray = rerouteCause('ReferralDeclined', leadId!, other);
    await kit.publishLeadEvents([stray]);
    await kit.consumed(stray.eventId);

    expect(await historyOf(leadId!, ['RoutingRequested', 'LeadRouted'])).toEqual(routed);
    expect(routed).toMatchObject({ tried: [first], holding: [first] });
    expect((await kit.counts(first)).daily).toEqual({ count: 1, leadIds: [leadId] });
    expect(await kit.ledgerOf(other)).toEqual([]);

    // Nor was `other` counted as tried: when P1 lets the lead go, it goes to `other`.
    const expired = rerouteCause('ReferralExpired', leadId!, first);
    await kit.publishLeadEvents([expired]);
    const rerouted = await historyOf(leadId!, [
      'RoutingRequested',
      'LeadRouted',
      'LeadAllocationReleased',
      'LeadRouted',
    ]);
    expect(decisionAt(rerouted, 3).partnerId).toBe(other);

    // A late cause for P1, which held the lead before but no longer does (another event id).
    const late = rerouteCause('LeadDeliveryFailed', leadId!, first);
    await kit.publishLeadEvents([late]);
    await kit.consumed(late.eventId);

    expect(
      await historyOf(leadId!, [
        'RoutingRequested',
        'LeadRouted',
        'LeadAllocationReleased',
        'LeadRouted',
      ]),
    ).toEqual(rerouted);
    expect((await kit.counts(other)).daily).toEqual({ count: 1, leadIds: [leadId] });
    expect((await kit.ledgerOf(first)).map((event) => event.type)).toEqual([
      'LeadAllocatedToPartner',
      'AllocationReleased',
    ]);
    await kit.publishedFor(leadId!, ['LeadRouted', 'LeadAllocationReleased', 'LeadRouted']);
  });
});
