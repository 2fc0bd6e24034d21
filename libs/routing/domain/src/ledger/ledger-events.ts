import type { Money } from '../model/money';
import type { RoutingLimits } from '../model/routing-partner';
import type { ReleaseReason } from './ledger-commands';

/** A lead counted against a partner's limits, its Lead Value reserved. */
export interface LeadAllocatedToPartner {
  type: 'LeadAllocatedToPartner';
  data: {
    partnerId: string;
    leadId: string;
    localDay: string;
    localMonth: string;
    /** The partner's count for the day and month including this lead: what auditors read. */
    dailyCount: number;
    monthlyCount: number;
    limits: RoutingLimits;
    /** The reserved Lead Value; null when funds did not gate the allocation. */
    reserved: Money | null;
    /** The billing revision the funds were read at; null without a reservation. */
    fundsRevision: number | null;
    allocatedAt: string;
  };
}

/** An allocation given back: its count, and `releasedReservation` if it was still open. */
export interface AllocationReleased {
  type: 'AllocationReleased';
  data: {
    partnerId: string;
    leadId: string;
    reason: ReleaseReason;
    localDay: string;
    localMonth: string;
    releasedReservation: Money | null;
    releasedAt: string;
  };
}

/** Billing charged the lead at `accountRevision`: the reservation is now a charge. */
export interface ReservationSettled {
  type: 'ReservationSettled';
  data: {
    partnerId: string;
    leadId: string;
    amount: Money;
    accountRevision: number;
    settledAt: string;
  };
}

/** Every event of a partner allocation ledger. */
export type LedgerEvent = LeadAllocatedToPartner | AllocationReleased | ReservationSettled;

/** Every ledger event type, once. */
export const LEDGER_EVENT_TYPES = [
  'LeadAllocatedToPartner',
  'AllocationReleased',
  'ReservationSettled',
] as const satisfies readonly LedgerEvent['type'][];

// A new event type that is not listed above fails to compile here.
type Unlisted = Exclude<LedgerEvent['type'], (typeof LEDGER_EVENT_TYPES)[number]>;
const _everyTypeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void _everyTypeListed;

const KNOWN_TYPES = new Set<string>(LEDGER_EVENT_TYPES);

/** Whether a recorded event is a ledger event: what reads of a ledger stream are typed by. */
export function isLedgerEvent(event: { type: string; data: unknown }): event is LedgerEvent {
  return KNOWN_TYPES.has(event.type);
}
