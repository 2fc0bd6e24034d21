/** Why a routing command was refused; the routing service maps each code in one place. */
export enum RoutingErrorCode {
  /** The command is malformed (a negative amount, a day that is no `YYYY-MM-DD`). */
  INVALID_COMMAND = 'INVALID_COMMAND',
  /** The command names another partner than the ledger it was sent to. */
  PARTNER_ID_MISMATCH = 'PARTNER_ID_MISMATCH',
  /** One more lead would pass the partner's daily limit for that local day. */
  DAILY_LIMIT_REACHED = 'DAILY_LIMIT_REACHED',
  /** One more lead would pass the partner's monthly limit for that local month. */
  MONTHLY_LIMIT_REACHED = 'MONTHLY_LIMIT_REACHED',
  /** The funds left after open reservations do not cover the Lead Value. */
  INSUFFICIENT_FUNDS = 'INSUFFICIENT_FUNDS',
  /** The funds snapshot is older than one this ledger already decided with. */
  STALE_FUNDS = 'STALE_FUNDS',
  /** The local day is older than the days the ledger still counts. */
  STALE_PERIOD = 'STALE_PERIOD',
  /** The reservation and the funds are in different currencies. */
  CURRENCY_MISMATCH = 'CURRENCY_MISMATCH',
  /** No allocation of this lead is known to the ledger. */
  ALLOCATION_NOT_FOUND = 'ALLOCATION_NOT_FOUND',
  /** The allocation was released: the partner was tried and is not allocated again. */
  ALLOCATION_RELEASED = 'ALLOCATION_RELEASED',
  /** A routing decision was asked for a lead already held by as many partners as it may have. */
  NO_SLOT_LEFT = 'NO_SLOT_LEFT',
}

/**
 * A routing command refused by a domain rule. `field` is the path of the
 * offending value inside the command (`data.localDay`), when one is to blame.
 */
export class RoutingError extends Error {
  constructor(
    readonly code: RoutingErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(field === undefined ? message : `${field}: ${message}`);
    this.name = 'RoutingError';
  }
}
