import { IsText, NestedObject, Optional, SignedMoney } from '@leadrail/integration-events';
import { IsIn, IsInt, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** Every reason a partner may not take a lead now (docs/routing-domain.md, "Eligibility"). */
export const INELIGIBLE_REASON_CODES = [
  'not-a-partner',
  'inactive',
  'paused',
  'does-not-buy-type',
  'outside-area',
  'criterion-failed',
  'no-delivery-method',
  'outside-schedule',
  'daily-limit-reached',
  'monthly-limit-reached',
  'no-lead-value',
  'funds-unknown',
  'insufficient-funds',
] as const;

/** One of {@link INELIGIBLE_REASON_CODES}. */
export type IneligibleReasonCodeV1 = (typeof INELIGIBLE_REASON_CODES)[number];

/**
 * Why one partner could not take the lead. `code` says what; the other
 * fields, present only for the codes that have them, say the details.
 */
export class IneligibleReasonV1 {
  @JSONSchema({ description: `One of: ${INELIGIBLE_REASON_CODES.join(', ')}.` })
  @IsIn(INELIGIBLE_REASON_CODES)
  code!: IneligibleReasonCodeV1;

  @JSONSchema({ description: 'does-not-buy-type: the lead type it does not buy.' })
  @Optional()
  @IsText(100)
  leadType?: string;

  @JSONSchema({
    description: "outside-area: the lead's postcode district; absent when the lead has none.",
  })
  @Optional()
  @IsText(10)
  postcodeDistrict?: string;

  @JSONSchema({ description: 'criterion-failed: the answer the criterion tests.' })
  @Optional()
  @IsText(64)
  field?: string;

  @JSONSchema({ description: "criterion-failed: the criterion's operator." })
  @Optional()
  @IsText(10)
  operator?: string;

  @JSONSchema({ description: "outside-schedule: the partner's IANA time zone." })
  @Optional()
  @IsText(100)
  timeZone?: string;

  @JSONSchema({ description: 'outside-schedule: the local weekday and time, e.g. sat 18:30.' })
  @Optional()
  @IsText(20)
  localTime?: string;

  @JSONSchema({ description: 'daily-/monthly-limit-reached: leads counted in the period.' })
  @Optional()
  @IsInt()
  @Min(0)
  count?: number;

  @JSONSchema({ description: 'daily-/monthly-limit-reached: the limit.' })
  @Optional()
  @IsInt()
  @Min(0)
  limit?: number;

  @JSONSchema({ description: 'daily-limit-reached: the local day, YYYY-MM-DD.' })
  @Optional()
  @IsText(10)
  localDay?: string;

  @JSONSchema({ description: 'monthly-limit-reached: the local month, YYYY-MM.' })
  @Optional()
  @IsText(7)
  localMonth?: string;

  @JSONSchema({ description: 'funds-unknown: no-account, stale or currency-mismatch.' })
  @Optional()
  @IsIn(['no-account', 'stale', 'currency-mismatch'])
  detail?: 'no-account' | 'stale' | 'currency-mismatch';

  @JSONSchema({ description: 'insufficient-funds: balance, plus credit when post-pay.' })
  @Optional()
  @NestedObject(() => SignedMoney)
  available?: SignedMoney;

  @JSONSchema({ description: 'insufficient-funds: open reservations and unseen charges.' })
  @Optional()
  @NestedObject(() => SignedMoney)
  committed?: SignedMoney;

  @JSONSchema({ description: 'insufficient-funds: the Lead Value.' })
  @Optional()
  @NestedObject(() => SignedMoney)
  needed?: SignedMoney;
}
