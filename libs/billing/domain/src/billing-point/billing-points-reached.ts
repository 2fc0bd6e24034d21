import type { BillingPoint } from '@leadrail/partners-contracts';

/** The lead events that reach a billing point. */
export type BillingPointEvent =
  | { type: 'LeadDelivered' }
  | { type: 'ReferralAccepted' }
  | {
      type: 'LeadStatusChanged';
      data: { billingPointsReached: readonly ('accepted' | 'qualified' | 'converted')[] };
    };

const FROM_STATUS = {
  accepted: 'acceptance',
  qualified: 'qualification',
  converted: 'conversion',
} as const satisfies Record<string, BillingPoint>;

/**
 * The partner billing points a lead event reached. Delivery is the lead
 * delivered; acceptance is the referral accepted or the status `accepted`;
 * qualification and conversion are statuses. A status change that skips
 * ahead lists every point in between, so a partner is charged at its own
 * point exactly, never at "this point or a later one" (an accepted referral
 * comes before delivery, so order alone would charge a partner billed at
 * delivery too early).
 */
export function billingPointsReached(event: BillingPointEvent): BillingPoint[] {
  switch (event.type) {
    case 'LeadDelivered':
      return ['delivery'];
    case 'ReferralAccepted':
      return ['acceptance'];
    case 'LeadStatusChanged':
      return event.data.billingPointsReached.map((point) => FROM_STATUS[point]);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
