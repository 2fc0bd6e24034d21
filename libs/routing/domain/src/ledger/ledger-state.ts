import type { Money } from '../model/money';

/** One lead's allocation, as long as the ledger needs to remember it. */
export interface LedgerAllocation {
  leadId: string;
  localDay: string;
  localMonth: string;
  /** The reserved Lead Value, or null when funds did not gate the allocation. */
  reserved: Money | null;
  /**
   * `open`: counted, funds reserved. `settled`: counted, charged at
   * `settledAtRevision` of the billing account. `released`: given back.
   */
  status: 'open' | 'settled' | 'released';
  settledAtRevision: number | null;
}

/**
 * A partner's counters and reservations, folded from its ledger stream. Only
 * what decisions need is kept: counts of the last few local days and months,
 * and allocations that are open, or settled at a revision some funds
 * snapshot may not include yet, or in a month still counted.
 */
export interface PartnerLedgerState {
  partnerId: string | null;
  /** The latest local day an allocation counted in. */
  latestDay: string | null;
  dailyCounts: Readonly<Record<string, number>>;
  monthlyCounts: Readonly<Record<string, number>>;
  allocations: Readonly<Record<string, LedgerAllocation>>;
  /**
   * The newest billing revision an allocation was decided with. Funds
   * snapshots older than this are refused, so a charge settled at or before
   * it is in every balance the ledger will see again.
   */
  fundsRevision: number | null;
}

/** The state of a ledger stream with no events. */
export function initialLedgerState(): PartnerLedgerState {
  return {
    partnerId: null,
    latestDay: null,
    dailyCounts: {},
    monthlyCounts: {},
    allocations: {},
    fundsRevision: null,
  };
}

/** Leads counted against the partner on a local day (`YYYY-MM-DD`). */
export function allocatedOnDay(state: PartnerLedgerState, day: string): number {
  return state.dailyCounts[day] ?? 0;
}

/** Leads counted against the partner in a local month (`YYYY-MM`). */
export function allocatedInMonth(state: PartnerLedgerState, month: string): number {
  return state.monthlyCounts[month] ?? 0;
}

/**
 * What the partner is committed to beyond a balance read at `fundsRevision`:
 * every open reservation, plus charges settled after that revision (the
 * balance does not include them yet). In minor units of the reservations'
 * currency.
 */
export function committedFunds(state: PartnerLedgerState, fundsRevision: number): number {
  let committed = 0;
  for (const allocation of Object.values(state.allocations)) {
    if (allocation.reserved === null) {
      continue;
    }
    const unseenCharge =
      allocation.status === 'settled' && (allocation.settledAtRevision ?? 0) > fundsRevision;
    if (allocation.status === 'open' || unseenCharge) {
      committed += allocation.reserved.amount;
    }
  }
  return committed;
}

/** Currencies of the reservations the ledger still weighs (one, for a consistent partner). */
export function reservedCurrencies(state: PartnerLedgerState): Set<string> {
  return new Set(
    Object.values(state.allocations).flatMap((allocation) =>
      allocation.reserved === null || allocation.status === 'released'
        ? []
        : [allocation.reserved.currency],
    ),
  );
}
