import type { Money } from '../model/money';
import type { RoutingLimits } from '../model/routing-partner';

/** Who issues a ledger command: the routing process, or an operator by hand. */
export interface LedgerActor {
  type: 'system' | 'operator';
  id: string;
}

/** What every ledger command carries besides its data; the ledger never reads a clock. */
export interface LedgerCommandMetadata {
  actor: LedgerActor;
  /** When the command was issued: ISO 8601 UTC. */
  occurredAt: string;
}

/**
 * The funds an allocation reserves, and the funds it was decided against.
 * `available` is the partner's balance at `fundsRevision` plus its credit
 * limit when post-pay: everything the partner may still be charged before
 * open reservations are taken off.
 */
export interface FundsReservation {
  amount: Money;
  available: Money;
  /** The billing account's revision the balance was read at. */
  fundsRevision: number;
}

/**
 * Count one lead against the partner's limits and reserve its Lead Value.
 * The day and month are the partner's local ones at the decision instant
 * (`periodsAt`); the limits and funds are those the decision read. The
 * ledger re-checks both against its own, serialised, state.
 */
export interface AllocateLead {
  type: 'AllocateLead';
  data: {
    partnerId: string;
    leadId: string;
    /** `YYYY-MM-DD` in the partner's time zone. */
    localDay: string;
    /** `YYYY-MM`, the month of `localDay`. */
    localMonth: string;
    limits: RoutingLimits;
    /** Null when the partner's billing point needs no funds at routing time. */
    reservation: FundsReservation | null;
  };
  metadata: LedgerCommandMetadata;
}

/** Why an allocation is given back. */
export const RELEASE_REASONS = [
  'referral-declined',
  'referral-expired',
  'delivery-failed',
  'lead-returned',
] as const;

/** One of {@link RELEASE_REASONS}. */
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

/** Give back an allocation: its count, and its reservation if still open. */
export interface ReleaseAllocation {
  type: 'ReleaseAllocation';
  data: { partnerId: string; leadId: string; reason: ReleaseReason };
  metadata: LedgerCommandMetadata;
}

/** Billing charged the lead: the reservation becomes a charge at `accountRevision`. */
export interface SettleReservation {
  type: 'SettleReservation';
  data: {
    partnerId: string;
    leadId: string;
    /** The revision of the billing account event that charged the lead. */
    accountRevision: number;
  };
  metadata: LedgerCommandMetadata;
}

/** Every command of a partner allocation ledger. */
export type LedgerCommand = AllocateLead | ReleaseAllocation | SettleReservation;
