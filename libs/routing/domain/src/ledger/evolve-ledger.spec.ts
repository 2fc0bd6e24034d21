import { allocatedLeads, leadAllocated } from '../testing/routing-scenario';
import { evolveLedger } from './evolve-ledger';
import type { LedgerEvent } from './ledger-events';
import { allocatedInMonth, allocatedOnDay, initialLedgerState } from './ledger-state';

const fold = (events: LedgerEvent[]) => events.reduce(evolveLedger, initialLedgerState());

describe(evolveLedger.name, () => {
  it('keeps counts per local day and month', () => {
    const state = fold([...allocatedLeads(2, '2026-11-24'), ...allocatedLeads(1, '2026-11-25')]);
    // allocatedLeads reuses ids: the later lead-1 replaces the earlier one's record, counts add up.
    expect(allocatedOnDay(state, '2026-11-24')).toBe(2);
    expect(allocatedOnDay(state, '2026-11-25')).toBe(1);
    expect(allocatedInMonth(state, '2026-11')).toBe(3);
  });

  it('forgets days, months and closed allocations behind the counting window', () => {
    const state = fold([
      leadAllocated({
        leadId: 'october',
        localDay: '2026-10-30',
        localMonth: '2026-10',
        reserved: null,
        fundsRevision: null,
      }),
      leadAllocated({ leadId: 'open-october', localDay: '2026-10-31', localMonth: '2026-10' }),
      {
        type: 'AllocationReleased',
        data: {
          partnerId: 'acme-mortgages',
          leadId: 'october',
          reason: 'delivery-failed',
          localDay: '2026-10-30',
          localMonth: '2026-10',
          releasedReservation: null,
          releasedAt: '2026-10-30T12:00:00.000Z',
        },
      },
      leadAllocated({ leadId: 'november', localDay: '2026-11-25', localMonth: '2026-11' }),
    ]);
    expect(Object.keys(state.dailyCounts)).toEqual(['2026-11-25']);
    expect(Object.keys(state.monthlyCounts)).toEqual(['2026-11']);
    // The open reservation of October is still weighed against the funds.
    expect(Object.keys(state.allocations).sort()).toEqual(['november', 'open-october']);
    expect(state.latestDay).toBe('2026-11-25');
  });
});
