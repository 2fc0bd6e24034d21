/**
 * A partner's account as decisions need it: small on purpose, so folding a
 * long account stays cheap. Which leads were charged is not kept here: a
 * charge's event id derives from the partner and the lead, so the log
 * itself refuses a second charge (docs/billing-service.md).
 */
export interface AccountState {
  partnerId: string | null;
  /** Fixed by the first movement; null before it. */
  currency: string | null;
  /** Whole minor units; below zero when a post-pay partner uses its credit. */
  balance: number;
  /** Movements so far: the `accountVersion` the next one follows. */
  version: number;
  /** A low-funds alert is out and no movement has lifted the funds above the threshold since. */
  fundsLow: boolean;
}

export function initialAccountState(): AccountState {
  return { partnerId: null, currency: null, balance: 0, version: 0, fundsLow: false };
}
