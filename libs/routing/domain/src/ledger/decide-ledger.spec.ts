import { deciderSpecification } from '@leadrail/decider-testing';
import { RoutingErrorCode } from '../errors/routing-error';
import type { Money } from '../model/money';
import {
  LEAD_ID,
  NOW,
  PARTNER_ID,
  THIS_MONTH,
  TODAY,
  allocateLead,
  allocatedLeads,
  byRouting,
  gbp,
  leadAllocated,
  releaseAllocation,
} from '../testing/routing-scenario';
import { partnerLedgerAggregate } from './ledger-aggregate';
import type { LedgerEvent } from './ledger-events';
import { committedFunds, allocatedOnDay } from './ledger-state';

const spec = deciderSpecification(partnerLedgerAggregate);
const settle = (leadId = LEAD_ID, accountRevision = 5) => ({
  type: 'SettleReservation' as const,
  data: { partnerId: PARTNER_ID, leadId, accountRevision },
  metadata: byRouting(),
});
const settled = (leadId = LEAD_ID, accountRevision = 5): LedgerEvent => ({
  type: 'ReservationSettled',
  data: {
    partnerId: PARTNER_ID,
    leadId,
    amount: gbp(2500),
    accountRevision,
    settledAt: NOW.toISOString(),
  },
});

describe('AllocateLead', () => {
  it('counts the lead and reserves its value', () => {
    spec.given([]).when(allocateLead()).then([leadAllocated()]);
  });

  it('decides nothing when the same lead is allocated again', () => {
    spec.given([leadAllocated()]).when(allocateLead()).then([]);
  });

  it('refuses a lead once the daily limit is reached', () => {
    spec
      .given(allocatedLeads(3))
      .when(allocateLead({ limits: { daily: 3, monthly: 0 }, reservation: null }))
      .thenThrows({ code: RoutingErrorCode.DAILY_LIMIT_REACHED, field: 'data.limits.daily' });
  });

  it('counts the tenth lead of a daily limit of ten, with the count in the event', () => {
    spec
      .given(allocatedLeads(9))
      .when(allocateLead({ limits: { daily: 10, monthly: 0 }, reservation: null }))
      .then([
        leadAllocated({
          dailyCount: 10,
          monthlyCount: 10,
          limits: { daily: 10, monthly: 0 },
          reserved: null,
          fundsRevision: null,
        }),
      ]);
  });

  it('starts a new count on the next local day but keeps the month', () => {
    spec
      .given(allocatedLeads(3, '2026-11-24'))
      .when(allocateLead({ limits: { daily: 3, monthly: 4 }, reservation: null }))
      .then([
        leadAllocated({
          dailyCount: 1,
          monthlyCount: 4,
          limits: { daily: 3, monthly: 4 },
          reserved: null,
          fundsRevision: null,
        }),
      ]);
  });

  it('refuses a lead once the monthly limit is reached', () => {
    spec
      .given([...allocatedLeads(2, '2026-11-23')])
      .when(allocateLead({ limits: { daily: 0, monthly: 2 }, reservation: null }))
      .thenThrows(RoutingErrorCode.MONTHLY_LIMIT_REACHED);
  });

  it('treats a limit of zero as no limit', () => {
    spec
      .given(allocatedLeads(50))
      .when(allocateLead({ reservation: null }))
      .then([
        leadAllocated({ dailyCount: 51, monthlyCount: 51, reserved: null, fundsRevision: null }),
      ]);
  });

  it('refuses a reservation the funds left after open reservations do not cover', () => {
    // £100 available, £25 reserved by each of three open allocations: £25 left, £30 needed.
    const open = ['a', 'b', 'c'].map((leadId) => leadAllocated({ leadId }));
    spec
      .given(open)
      .when(
        allocateLead({
          reservation: { amount: gbp(3000), available: gbp(10000), fundsRevision: 1 },
        }),
      )
      .thenThrows(RoutingErrorCode.INSUFFICIENT_FUNDS);
    spec
      .given(open)
      .when(allocateLead())
      .then([leadAllocated({ dailyCount: 4, monthlyCount: 4 })]);
  });

  it('counts a settled charge until a balance that includes it is read', () => {
    const history = [
      ...['a', 'b', 'c'].map((leadId) => leadAllocated({ leadId })),
      settled('a', 5),
    ];
    // Read at revision 4 the balance (£100) lacks the charge of a: still £25 committed for it.
    spec
      .given(history)
      .when(
        allocateLead({
          reservation: { amount: gbp(2600), available: gbp(10000), fundsRevision: 4 },
        }),
      )
      .thenThrows(RoutingErrorCode.INSUFFICIENT_FUNDS);
    // Read at revision 5 the balance (£75) includes it.
    spec
      .given(history)
      .when(
        allocateLead({
          reservation: { amount: gbp(2500), available: gbp(7500), fundsRevision: 5 },
        }),
      )
      .then([leadAllocated({ fundsRevision: 5, dailyCount: 4, monthlyCount: 4 })]);
  });

  it('refuses funds read before a revision already decided with', () => {
    spec
      .given([leadAllocated({ leadId: 'a', fundsRevision: 7 })])
      .when(allocateLead())
      .thenThrows(RoutingErrorCode.STALE_FUNDS);
  });

  it('refuses a reservation in another currency', () => {
    spec
      .given([])
      .when(
        allocateLead({
          reservation: {
            amount: { amount: 100, currency: 'EUR' },
            available: gbp(10000),
            fundsRevision: 1,
          },
        }),
      )
      .thenThrows(RoutingErrorCode.CURRENCY_MISMATCH);
  });

  it('refuses a day older than the days still counted', () => {
    spec
      .given(allocatedLeads(1, '2026-11-25'))
      .when(allocateLead({ localDay: '2026-11-22', localMonth: THIS_MONTH }))
      .thenThrows(RoutingErrorCode.STALE_PERIOD);
  });

  it('still counts a day just behind the latest, as racing clocks at midnight produce', () => {
    spec
      .given(allocatedLeads(1, '2026-11-26'))
      .when(allocateLead({ limits: { daily: 1, monthly: 0 }, reservation: null }))
      .then([
        leadAllocated({
          monthlyCount: 2,
          limits: { daily: 1, monthly: 0 },
          reserved: null,
          fundsRevision: null,
        }),
      ]);
  });

  it('refuses a lead the partner released', () => {
    spec
      .given([leadAllocated(), releasedEvent()])
      .when(allocateLead())
      .thenThrows(RoutingErrorCode.ALLOCATION_RELEASED);
  });

  it('refuses malformed days, months, limits and amounts with the field to blame', () => {
    spec
      .given([])
      .when(allocateLead({ localDay: '2026-02-30', localMonth: '2026-02' }))
      .thenThrows({ code: RoutingErrorCode.INVALID_COMMAND, field: 'data.localDay' });
    spec
      .given([])
      .when(allocateLead({ localMonth: '2026-12' }))
      .thenThrows({ code: RoutingErrorCode.INVALID_COMMAND, field: 'data.localMonth' });
    spec
      .given([])
      .when(allocateLead({ limits: { daily: -1, monthly: 0 } }))
      .thenThrows({ code: RoutingErrorCode.INVALID_COMMAND, field: 'data.limits.daily' });
    spec
      .given([])
      .when(
        allocateLead({ reservation: { amount: gbp(1.5), available: gbp(100), fundsRevision: 1 } }),
      )
      .thenThrows({
        code: RoutingErrorCode.INVALID_COMMAND,
        field: 'data.reservation.amount.amount',
      });
  });

  it('refuses a command for another partner', () => {
    spec
      .given([leadAllocated()])
      .when(allocateLead({ partnerId: 'rival', leadId: 'other' }))
      .thenThrows({ code: RoutingErrorCode.PARTNER_ID_MISMATCH, field: 'data.partnerId' });
  });
});

function releasedEvent(releasedReservation: Money | null = gbp(2500)): LedgerEvent {
  return {
    type: 'AllocationReleased',
    data: {
      partnerId: PARTNER_ID,
      leadId: LEAD_ID,
      reason: 'delivery-failed',
      localDay: TODAY,
      localMonth: THIS_MONTH,
      releasedReservation,
      releasedAt: NOW.toISOString(),
    },
  };
}

describe('ReleaseAllocation', () => {
  it('gives back the count and the open reservation', () => {
    spec.given([leadAllocated()]).when(releaseAllocation()).then([releasedEvent()]);
  });

  it('gives back only the count once the reservation was settled', () => {
    spec
      .given([leadAllocated(), settled()])
      .when(releaseAllocation(LEAD_ID, 'delivery-failed'))
      .then([releasedEvent(null)]);
  });

  it('decides nothing when released again', () => {
    spec.given([leadAllocated(), releasedEvent()]).when(releaseAllocation()).then([]);
  });

  it('refuses a lead the ledger never allocated', () => {
    spec.given([]).when(releaseAllocation()).thenThrows(RoutingErrorCode.ALLOCATION_NOT_FOUND);
  });

  it('lets a released slot and reservation be taken by the next lead', () => {
    const state = [leadAllocated({ limits: { daily: 1, monthly: 0 } }), releasedEvent()].reduce(
      partnerLedgerAggregate.evolve,
      partnerLedgerAggregate.initialState(),
    );
    expect(allocatedOnDay(state, TODAY)).toBe(0);
    expect(committedFunds(state, 1)).toBe(0);
    spec
      .given([leadAllocated(), releasedEvent()])
      .when(allocateLead({ leadId: 'next', limits: { daily: 1, monthly: 0 } }))
      .then([leadAllocated({ leadId: 'next', limits: { daily: 1, monthly: 0 } })]);
  });
});

describe('SettleReservation', () => {
  it('turns the reservation into a charge at the account revision', () => {
    spec.given([leadAllocated()]).when(settle()).then([settled()]);
  });

  it('decides nothing when settled again, or when nothing was reserved', () => {
    spec.given([leadAllocated(), settled()]).when(settle()).then([]);
    spec
      .given([leadAllocated({ reserved: null, fundsRevision: null })])
      .when(settle())
      .then([]);
  });

  it('refuses a released allocation and an unknown lead', () => {
    spec
      .given([leadAllocated(), releasedEvent()])
      .when(settle())
      .thenThrows(RoutingErrorCode.ALLOCATION_RELEASED);
    spec.given([]).when(settle()).thenThrows(RoutingErrorCode.ALLOCATION_NOT_FOUND);
  });

  it('refuses a revision that is no revision', () => {
    spec
      .given([leadAllocated()])
      .when(settle(LEAD_ID, -1))
      .thenThrows({ code: RoutingErrorCode.INVALID_COMMAND, field: 'data.accountRevision' });
  });
});
