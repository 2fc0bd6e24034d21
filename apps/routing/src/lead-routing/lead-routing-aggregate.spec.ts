import { leadToRoute } from '../testing/routing-fixtures';
import { leadRoutingAggregate, leadRoutingStream } from './lead-routing-aggregate';
import type {
  LeadAllocationReleased,
  LeadRouted,
  LeadRoutingAbandoned,
  LeadRoutingEvent,
  LeadUnroutable,
} from './lead-routing-events';

const ACME = '11111111-1111-4111-8111-111111111111';
const lead = leadToRoute();

function routed(partnerId: string): LeadRouted {
  return {
    type: 'LeadRouted',
    data: {
      leadId: lead.leadId,
      partnerId,
      leadValue: { amount: 2500, currency: 'GBP' },
      decision: {
        leadType: 'mortgage',
        decidedAt: '2026-11-25T10:00:00.000Z',
        strategy: { method: 'round-robin', maxPartners: 1 },
        alreadyTried: [],
        candidates: [],
        decidedFrom: [],
      },
    },
  };
}

const released: LeadAllocationReleased = {
  type: 'LeadAllocationReleased',
  data: {
    leadId: lead.leadId,
    partnerId: ACME,
    reason: 'referral-declined',
    releasedAt: '2026-11-25T10:05:00.000Z',
    releasedReservation: { amount: 2500, currency: 'GBP' },
  },
};

const unroutable: LeadUnroutable = {
  type: 'LeadUnroutable',
  data: { leadId: lead.leadId, decision: routed(ACME).data.decision },
};

const abandoned: LeadRoutingAbandoned = {
  type: 'LeadRoutingAbandoned',
  data: {
    leadId: lead.leadId,
    reason: 'max-age-reached',
    leadRecordedAt: lead.recordedAt,
    maxAgeMinutes: 1440,
    abandonedAt: '2026-11-26T10:00:00.000Z',
  },
};

const requested: LeadRoutingEvent = {
  type: 'RoutingRequested',
  data: { leadId: lead.leadId, lead },
};

function given(events: LeadRoutingEvent[]) {
  return events.reduce(leadRoutingAggregate.evolve, leadRoutingAggregate.initialState());
}

describe('leadRoutingAggregate', () => {
  it('keeps the lead with its first decision', () => {
    const events = leadRoutingAggregate.decide(
      { type: 'RecordDecision', lead, event: routed(ACME) },
      given([]),
    );
    expect(events.map((event) => event.type)).toEqual(['RoutingRequested', 'LeadRouted']);
    expect(given(events)).toEqual({
      lead,
      tried: [ACME],
      holding: [ACME],
      decisions: 1,
      unroutable: false,
      abandoned: false,
    });
    expect(leadRoutingStream(lead.leadId)).toBe(`leadRouting-${lead.leadId}`);
  });

  it('records the same partner holding the lead only once', () => {
    const state = given([
      { type: 'RoutingRequested', data: { leadId: lead.leadId, lead } },
      routed(ACME),
    ]);
    expect(
      leadRoutingAggregate.decide({ type: 'RecordDecision', lead, event: routed(ACME) }, state),
    ).toEqual([]);
  });

  it('releases a partner holding the lead, once, and remembers it was tried', () => {
    const state = given([
      { type: 'RoutingRequested', data: { leadId: lead.leadId, lead } },
      routed(ACME),
    ]);
    const events = leadRoutingAggregate.decide({ type: 'RecordRelease', event: released }, state);
    expect(events).toEqual([released]);
    const after = given([
      { type: 'RoutingRequested', data: { leadId: lead.leadId, lead } },
      routed(ACME),
      released,
    ]);
    expect(after).toMatchObject({ tried: [ACME], holding: [] });
    expect(leadRoutingAggregate.decide({ type: 'RecordRelease', event: released }, after)).toEqual(
      [],
    );
  });

  it('abandons only a lead whose latest decision found nobody, and only once', () => {
    const abandon = { type: 'RecordAbandonment', event: abandoned } as const;
    const waiting = given([requested, unroutable]);
    expect(waiting).toMatchObject({ unroutable: true, abandoned: false });
    expect(leadRoutingAggregate.decide(abandon, waiting)).toEqual([abandoned]);
    expect(leadRoutingAggregate.decide(abandon, given([requested, unroutable, abandoned]))).toEqual(
      [],
    );
    // Routed since (a retry found a partner): nothing to abandon.
    expect(
      leadRoutingAggregate.decide(abandon, given([requested, unroutable, routed(ACME)])),
    ).toEqual([]);
    // Released and nobody else: unroutable again, so it may be abandoned.
    expect(given([requested, routed(ACME), released, { ...unroutable }])).toMatchObject({
      unroutable: true,
      holding: [],
    });
  });
});
