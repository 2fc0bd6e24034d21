import { monthOf, oldestCountedDay } from './counting-window';
import type {
  AllocationReleased,
  LeadAllocatedToPartner,
  LedgerEvent,
  ReservationSettled,
} from './ledger-events';
import type { LedgerAllocation, PartnerLedgerState } from './ledger-state';

/** Folds one ledger event into the state; pure, and total over every event type. */
export function evolveLedger(state: PartnerLedgerState, event: LedgerEvent): PartnerLedgerState {
  switch (event.type) {
    case 'LeadAllocatedToPartner':
      return allocated(state, event.data);
    case 'AllocationReleased':
      return released(state, event.data);
    case 'ReservationSettled':
      return settled(state, event.data);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function allocated(
  state: PartnerLedgerState,
  data: LeadAllocatedToPartner['data'],
): PartnerLedgerState {
  const latestDay =
    state.latestDay === null || data.localDay > state.latestDay ? data.localDay : state.latestDay;
  const fundsRevision =
    data.fundsRevision === null
      ? state.fundsRevision
      : Math.max(state.fundsRevision ?? data.fundsRevision, data.fundsRevision);
  const allocation: LedgerAllocation = {
    leadId: data.leadId,
    localDay: data.localDay,
    localMonth: data.localMonth,
    reserved: data.reserved,
    status: 'open',
    settledAtRevision: null,
  };
  const next: PartnerLedgerState = {
    partnerId: data.partnerId,
    latestDay,
    dailyCounts: adjust(state.dailyCounts, data.localDay, +1),
    monthlyCounts: adjust(state.monthlyCounts, data.localMonth, +1),
    allocations: { ...state.allocations, [data.leadId]: allocation },
    fundsRevision,
  };
  return latestDay === state.latestDay ? next : forgetBefore(next, oldestCountedDay(latestDay));
}

function released(state: PartnerLedgerState, data: AllocationReleased['data']): PartnerLedgerState {
  const allocation = state.allocations[data.leadId];
  if (allocation === undefined || allocation.status === 'released') {
    return state;
  }
  return {
    ...state,
    // A count of a day or month no longer kept is history: nothing to give back.
    dailyCounts: adjustIfKept(state.dailyCounts, allocation.localDay, -1),
    monthlyCounts: adjustIfKept(state.monthlyCounts, allocation.localMonth, -1),
    allocations: {
      ...state.allocations,
      [data.leadId]: { ...allocation, status: 'released' },
    },
  };
}

function settled(state: PartnerLedgerState, data: ReservationSettled['data']): PartnerLedgerState {
  const allocation = state.allocations[data.leadId];
  if (allocation?.status !== 'open') {
    return state;
  }
  return {
    ...state,
    allocations: {
      ...state.allocations,
      [data.leadId]: { ...allocation, status: 'settled', settledAtRevision: data.accountRevision },
    },
  };
}

/**
 * Drops days and months before the counting window, and the allocations
 * nothing can need any more: closed, in a month no longer counted, and not a
 * charge that a funds snapshot the ledger still accepts might lack.
 */
function forgetBefore(state: PartnerLedgerState, oldestDay: string): PartnerLedgerState {
  const oldestMonth = monthOf(oldestDay);
  const stillNeeded = (allocation: LedgerAllocation): boolean =>
    allocation.status === 'open' ||
    allocation.localMonth >= oldestMonth ||
    (allocation.status === 'settled' &&
      (allocation.settledAtRevision ?? 0) > (state.fundsRevision ?? -1));
  return {
    ...state,
    dailyCounts: keepKeys(state.dailyCounts, (day) => day >= oldestDay),
    monthlyCounts: keepKeys(state.monthlyCounts, (month) => month >= oldestMonth),
    allocations: Object.fromEntries(
      Object.entries(state.allocations).filter(([, allocation]) => stillNeeded(allocation)),
    ),
  };
}

function adjust(
  counts: Readonly<Record<string, number>>,
  key: string,
  by: number,
): Record<string, number> {
  return { ...counts, [key]: Math.max(0, (counts[key] ?? 0) + by) };
}

function adjustIfKept(
  counts: Readonly<Record<string, number>>,
  key: string,
  by: number,
): Readonly<Record<string, number>> {
  return counts[key] === undefined ? counts : adjust(counts, key, by);
}

function keepKeys(
  counts: Readonly<Record<string, number>>,
  keep: (key: string) => boolean,
): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([key]) => keep(key)));
}
