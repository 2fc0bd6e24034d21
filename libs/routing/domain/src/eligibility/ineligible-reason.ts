import type { Money } from '../model/money';
import type { CriterionOperator } from '../model/routing-partner';

/**
 * Why a partner may not take a lead now. Every reason that applies is given,
 * so an auditor reads the whole answer ("paused, and over its daily limit"),
 * not the first check that failed.
 */
export type IneligibleReason =
  /** The operator does not sell leads to it: an introducer only. */
  | { code: 'not-a-partner' }
  | { code: 'inactive' }
  | { code: 'paused' }
  | { code: 'does-not-buy-type'; leadType: string }
  /** Its postcode filter does not include the lead's district (null: the lead has none). */
  | { code: 'outside-area'; postcodeDistrict: string | null }
  /** One per criterion that does not hold; a missing answer fails every criterion on it. */
  | { code: 'criterion-failed'; field: string; operator: CriterionOperator }
  | { code: 'no-delivery-method' }
  /** Closed at `localTime` (`sat 18:30`) in `timeZone`. */
  | { code: 'outside-schedule'; timeZone: string; localTime: string }
  | { code: 'daily-limit-reached'; count: number; limit: number; localDay: string }
  | { code: 'monthly-limit-reached'; count: number; limit: number; localMonth: string }
  /** A partner without a Lead Value (it should have one: it cannot be priced). */
  | { code: 'no-lead-value' }
  /**
   * Funds are needed and not known well enough to decide: no account yet,
   * a balance older than one the ledger already decided with, or a balance
   * in another currency than the Lead Value.
   */
  | { code: 'funds-unknown'; detail: 'no-account' | 'stale' | 'currency-mismatch' }
  /** `available` (balance, plus credit for post-pay) less `committed` does not cover `needed`. */
  | { code: 'insufficient-funds'; available: Money; committed: Money; needed: Money };

/** The codes of {@link IneligibleReason}. */
export type IneligibleReasonCode = IneligibleReason['code'];
