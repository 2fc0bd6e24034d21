import type { Money } from './money';

/**
 * A partner's account as billing publishes it (`leadrail.billing.v1`) and
 * routing projects it. `balance` is signed: a pre-pay balance is what is left
 * of top-ups; a post-pay balance goes below zero as credit is used (credit
 * used = `-balance` when negative). `revision` is the account stream's
 * revision after the last event folded in: charges settle reservations at a
 * revision, and the ledger compares it to know which charges the balance
 * already includes.
 */
export interface PartnerFunds {
  balance: Money;
  revision: number;
}
