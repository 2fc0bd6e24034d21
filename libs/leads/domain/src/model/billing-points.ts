/**
 * The lead statuses a partner can be charged at, in the only order a lead may
 * reach them. Delivery, the fourth billing point, is the `LeadDelivered` event itself.
 */
export const STATUS_BILLING_POINTS = ['accepted', 'qualified', 'converted'] as const;

/** A billing point reached by a status change (or, for `accepted`, by accepting a referral). */
export type StatusBillingPoint = (typeof STATUS_BILLING_POINTS)[number];

/** One status of the operator's catalogue and the billing point it stands for, if any. */
export interface LeadStatusDefinition {
  /** A lower-case slug, e.g. `contacted`, `qualified`. */
  status: string;
  billingPoint: StatusBillingPoint | null;
}

/**
 * The statuses a lead may be given. The catalogue is operator data that
 * changes over time, so commands carry the one in force instead of the domain
 * hard-coding it; at most one status stands for each billing point.
 */
export interface LeadStatusCatalogue {
  statuses: readonly LeadStatusDefinition[];
}

/** The position of a billing point in {@link STATUS_BILLING_POINTS}; -1 for none. */
export function billingPointRank(point: StatusBillingPoint | null): number {
  return point === null ? -1 : STATUS_BILLING_POINTS.indexOf(point);
}

/** The billing points after `from` up to and including `to`, in order. */
export function billingPointsBetween(
  from: StatusBillingPoint | null,
  to: StatusBillingPoint | null,
): StatusBillingPoint[] {
  return STATUS_BILLING_POINTS.slice(billingPointRank(from) + 1, billingPointRank(to) + 1);
}
