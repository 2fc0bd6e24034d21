import type { DeliveryChannels, DeliveryLimits, DeliverySchedule } from './delivery-settings';
import type { LeadTypeBought } from './lead-buying';
import type { Money } from './money';

/**
 * Whether the operator buys leads from this partner (introducer, at `leadCost`),
 * sells leads to it (partner, at `leadValue`), or both. The union makes a price
 * without its role, or a role without its price, unrepresentable.
 */
export type PartnerType =
  | { introducer: true; partner: false; leadCost: Money; leadValue: null }
  | { introducer: false; partner: true; leadCost: null; leadValue: Money }
  | { introducer: true; partner: true; leadCost: Money; leadValue: Money };

/** What a partner may do in its portal (spec, "Portal Access Level"). */
export const PORTAL_ACCESS_LEVELS = [
  'none',
  /** Search and view its own leads, plus reports for those leads. */
  'leads-and-reports',
  /** Only search for and view its own leads. */
  'leads-only',
  /** Everything except searching for and viewing leads. */
  'everything-except-leads',
] as const;

/** One of {@link PORTAL_ACCESS_LEVELS}. */
export type PortalAccessLevel = (typeof PORTAL_ACCESS_LEVELS)[number];

/** The partner's portal permissions. */
export interface PortalAccess {
  level: PortalAccessLevel;
  /** The partner must click Accept on a referral before it receives the full lead. */
  requireReferralAcceptance: boolean;
  /** The partner may update the status of its leads. */
  mayUpdateLeadStatus: boolean;
}

/** How a portal login came about: the operator set a password, or an invitation was sent. */
export const PORTAL_LOGIN_METHODS = ['password', 'invitation'] as const;

/** One of {@link PORTAL_LOGIN_METHODS}. */
export type PortalLoginMethod = (typeof PORTAL_LOGIN_METHODS)[number];

/**
 * That a portal login exists. Never a password or hash: the partners service
 * keeps credentials outside the event log, which is replicated and replayed.
 */
export interface PortalLogin {
  email: string;
  method: PortalLoginMethod;
  createdAt: string;
}

/** Payment modes (spec, "Credit Limit"). */
export const PAYMENT_MODES = ['pre-pay', 'post-pay'] as const;

/**
 * How a partner pays for leads. Pre-pay: the balance may not go below zero.
 * Post-pay: the balance may go down to minus `creditLimit` (> 0).
 */
export type PaymentMode = { mode: 'pre-pay' } | { mode: 'post-pay'; creditLimit: Money };

/** When a partner is charged for a lead. */
export const BILLING_POINTS = ['delivery', 'acceptance', 'qualification', 'conversion'] as const;

/** One of {@link BILLING_POINTS}; `acceptance` needs referral acceptance to be required. */
export type BillingPoint = (typeof BILLING_POINTS)[number];

/** Phone numbers in E.164 (`+447700900123`); null when not set. */
export interface ContactDetails {
  /** For SMS notifications. */
  phone: string | null;
  /** For email notifications. */
  email: string | null;
  /** Where Hot Key Transfers ring. */
  transferPhone: string | null;
}

/** SMS alerts to the partner (charged per message at the operator's SMS rate). */
export interface TextAlerts {
  onReferral: boolean;
  onLowFunds: boolean;
}

/**
 * The settings a partner is registered with, as `PartnerRegistered` v1 carries
 * them. What the partner buys is not among them: adding fields to that
 * published event would break its v1 contract, so a new partner buys nothing
 * until `SetLeadTypesBought` and has the default selection priority.
 */
export interface PartnerRegistrationSettings {
  partnerType: PartnerType;
  portalAccess: PortalAccess;
  portalLogin: PortalLogin | null;
  payment: PaymentMode;
  billingPoint: BillingPoint;
  delivery: DeliveryChannels;
  limits: DeliveryLimits;
  schedule: DeliverySchedule;
  contact: ContactDetails;
  textAlerts: TextAlerts;
  /** The balance (or credit remaining) at which the low-funds alert fires. */
  lowFundsThreshold: Money;
}

/** Every setting of a partner, grouped as commands change them. */
export interface PartnerSettings extends PartnerRegistrationSettings {
  /** The lead types the partner buys, each optionally narrowed; empty until set (it buys nothing). */
  leadTypesBought: LeadTypeBought[];
  /** 0-100: routing offers a lead to partners of a higher priority first. */
  selectionPriority: number;
}
