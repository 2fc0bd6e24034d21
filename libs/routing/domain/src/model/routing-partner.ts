import type { WeeklySchedule } from '@leadrail/schedule';
import type { Money } from './money';

/** How an answer is compared with a criterion's value. */
export const CRITERION_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in'] as const;

/** One of {@link CRITERION_OPERATORS}. */
export type CriterionOperator = (typeof CRITERION_OPERATORS)[number];

/** One answer of a lead's form: text, a number or true/false (the `LeadReceived` v1 contract). */
export type AnswerValue = string | number | boolean;

/**
 * A condition on one of the lead's answers, e.g. `property_value gte 250000`.
 * `in` takes a list of values; every other operator a single value. The
 * ordering operators (`gt`, `gte`, `lt`, `lte`) compare numbers only.
 */
export type AnswerCriterion =
  | { field: string; operator: Exclude<CriterionOperator, 'in'>; value: AnswerValue }
  | { field: string; operator: 'in'; value: readonly AnswerValue[] };

/**
 * One lead type a partner buys, optionally narrowed. A lead matches when its
 * postcode district is inside one of `postcodes` (none listed: anywhere) and
 * every criterion holds.
 */
export interface LeadTypePurchase {
  /** The lead type's slug, as the leads service's settings name it. */
  leadType: string;
  /**
   * UK postcode areas (`SW`: every district of the area) and districts
   * (`SW1A`: that district only), upper case. Empty: any area.
   */
  postcodes: readonly string[];
  /** Conditions on the lead's answers; all must hold. */
  criteria: readonly AnswerCriterion[];
  /** The Lead Value for this type, overriding the partner's default; null: the default. */
  leadValue: Money | null;
  /**
   * The partner's share among partners of equal priority when the lead type
   * is routed by weight (a positive integer; 1 when the setting is absent).
   */
  weight?: number;
}

/** Lead caps in the partner's time zone; 0 disables a cap. */
export interface RoutingLimits {
  daily: number;
  monthly: number;
}

/** How the partner pays: pre-pay down to zero, post-pay down to minus its credit limit. */
export type RoutingPayment = { mode: 'pre-pay' } | { mode: 'post-pay'; creditLimit: Money };

/** When the partner is charged for a lead (its billing point). */
export const ROUTING_BILLING_POINTS = [
  'delivery',
  'acceptance',
  'qualification',
  'conversion',
] as const;

/** One of {@link ROUTING_BILLING_POINTS}. */
export type RoutingBillingPoint = (typeof ROUTING_BILLING_POINTS)[number];

/**
 * Billing points at which funds gate routing: the charge follows the
 * allocation within hours (docs/architecture.md D18), so routing reserves the
 * Lead Value. A partner charged only at qualification or conversion is
 * charged long after, if ever, and is routed without a reservation.
 */
export const FUNDED_BILLING_POINTS: readonly RoutingBillingPoint[] = ['delivery', 'acceptance'];

/**
 * A partner as routing sees it: routing's own projection of the partner's
 * settings (`leadrail.partners.v1`), reduced to what a routing decision reads.
 */
export interface RoutingPartner {
  partnerId: string;
  /** The operator sells leads to it (type partner or both); an introducer alone never receives leads. */
  isPartner: boolean;
  /** Not deactivated. */
  active: boolean;
  /** Deliveries paused by the operator or the partner. */
  paused: boolean;
  /** The lead types it buys, at most one entry per type. */
  buys: readonly LeadTypePurchase[];
  /** Selection priority, an integer: higher is chosen first. */
  priority: number;
  /** Its Lead Value (null when it is not a partner). */
  defaultLeadValue: Money | null;
  /** It has at least one delivery method (email, or an internet delivery). */
  deliveryConfigured: boolean;
  /** Its weekly delivery schedule, in its own IANA time zone (days and months count there too). */
  schedule: WeeklySchedule;
  limits: RoutingLimits;
  payment: RoutingPayment;
  billingPoint: RoutingBillingPoint;
}
