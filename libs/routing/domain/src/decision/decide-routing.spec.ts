import { RoutingError, RoutingErrorCode } from '../errors/routing-error';
import { initialLedgerState } from '../ledger/ledger-state';
import { DEFAULT_ROUTING_STRATEGY, INITIAL_ROTATION } from '../strategy/routing-strategy';
import { NOW, gbp, leadToRoute, routingPartner } from '../testing/routing-scenario';
import { decideRouting, type PartnerStanding, type RoutingRequest } from './decide-routing';

const standing = (partnerId: string, overrides = {}): PartnerStanding => ({
  partner: routingPartner({ partnerId, ...overrides }),
  ledger: initialLedgerState(),
  funds: { balance: gbp(10000), revision: 3 },
});
const request = (overrides: Partial<RoutingRequest> = {}): RoutingRequest => ({
  lead: leadToRoute(),
  partners: [standing('acme', { priority: 1 }), standing('bolt', { priority: 5 })],
  tried: [],
  strategy: DEFAULT_ROUTING_STRATEGY,
  rotation: INITIAL_ROTATION,
  now: NOW,
  ...overrides,
});

describe(decideRouting.name, () => {
  it('allocates to the best eligible partner, with the ledger command to append', () => {
    const decision = decideRouting(request());
    expect(decision.outcome).toEqual({
      type: 'allocated',
      allocations: [
        {
          partnerId: 'bolt',
          leadValue: gbp(2500),
          allocate: {
            partnerId: 'bolt',
            leadId: decision.leadId,
            localDay: '2026-11-25',
            localMonth: '2026-11',
            limits: { daily: 0, monthly: 0 },
            reservation: { amount: gbp(2500), available: gbp(10000), fundsRevision: 3 },
          },
        },
      ],
    });
    expect(decision.candidates.map((candidate) => candidate.partnerId)).toEqual(['acme', 'bolt']);
    expect(decision.rotation).toEqual({ lastChosen: 'bolt' });
    expect(decision.decidedAt).toBe(NOW.toISOString());
  });

  it('explains every partner it passed over', () => {
    const decision = decideRouting(
      request({ partners: [standing('acme', { paused: true }), standing('bolt')] }),
    );
    expect(decision.candidates).toEqual([
      { partnerId: 'acme', priority: 0, eligible: false, reasons: [{ code: 'paused' }] },
      { partnerId: 'bolt', priority: 0, eligible: true, leadValue: gbp(2500) },
    ]);
  });

  it('re-routes to a partner not tried yet', () => {
    const decision = decideRouting(request({ tried: ['bolt'] }));
    expect(decision.alreadyTried).toEqual(['bolt']);
    expect(decision.candidates.map((candidate) => candidate.partnerId)).toEqual(['acme']);
    expect(decision.outcome).toMatchObject({
      type: 'allocated',
      allocations: [{ partnerId: 'acme' }],
    });
  });

  it('is unroutable with the reasons of each partner when nobody can take the lead', () => {
    const decision = decideRouting(
      request({
        partners: [standing('acme', { active: false }), standing('bolt', { buys: [] })],
        tried: ['carp'],
      }),
    );
    expect(decision.outcome).toEqual({
      type: 'unroutable',
      reasons: {
        acme: [{ code: 'inactive' }],
        bolt: [{ code: 'does-not-buy-type', leadType: 'mortgage' }],
      },
    });
    expect(decision.rotation).toEqual(INITIAL_ROTATION);
  });

  it('is unroutable when every partner was tried', () => {
    expect(decideRouting(request({ tried: ['acme', 'bolt'] })).outcome).toEqual({
      type: 'unroutable',
      reasons: {},
    });
  });

  it('fills only the slots a shared lead has left', () => {
    const partners = ['acme', 'bolt', 'carp', 'dart'].map((id) => standing(id));
    const decision = decideRouting(
      request({
        partners,
        strategy: { method: 'round-robin', maxPartners: 3 },
        tried: ['acme'],
        holding: ['acme'],
      }),
    );
    expect(decision.outcome).toMatchObject({
      type: 'allocated',
      allocations: [{ partnerId: 'bolt' }, { partnerId: 'carp' }],
    });
  });

  it('refuses to route a lead already held by as many partners as it may have', () => {
    let thrown: unknown;
    try {
      decideRouting(request({ holding: ['acme'] }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RoutingError);
    expect(thrown).toMatchObject({ code: RoutingErrorCode.NO_SLOT_LEFT, field: 'holding' });
  });
});
