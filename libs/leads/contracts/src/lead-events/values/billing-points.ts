/**
 * The lead statuses a partner can be charged at, in the only order a lead may
 * reach them. Delivery, the fourth billing point, is `LeadDelivered` itself.
 */
export const LEAD_STATUS_BILLING_POINTS = ['accepted', 'qualified', 'converted'] as const;

/** A billing point a status change (or, for `accepted`, an accepted referral) reached. */
export type LeadStatusBillingPoint = (typeof LEAD_STATUS_BILLING_POINTS)[number];
