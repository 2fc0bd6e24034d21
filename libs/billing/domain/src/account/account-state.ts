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
  /** When the latest event was recorded: a later one is never recorded earlier (see `recordedAt`). */
  lastRecordedAt: string | null;
}

export function initialAccountState(): AccountState {
  return {
    partnerId: null,
    currency: null,
    balance: 0,
    version: 0,
    fundsLow: false,
    lastRecordedAt: null,
  };
}

/**
 * The time an account event is recorded at: the decision's instant, but
 * never before the account's latest event. A writer that lost a race and
 * decided again, or an instance whose clock is behind, would otherwise
 * record a later event at an earlier time, and the balance as of an instant
 * (which follows the log's order) would disagree with a statement (which
 * selects by time).
 */
export function recordedAt(state: { lastRecordedAt: string | null }, at: string): string {
  return state.lastRecordedAt !== null && state.lastRecordedAt > at ? state.lastRecordedAt : at;
}
