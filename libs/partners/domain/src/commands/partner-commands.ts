import type { CommandMetadata } from '../model/command-metadata';
import type { DeliveryLimits, DeliverySchedule } from '../model/delivery-settings';
import type { KnownLeadType } from '../model/lead-buying';
import type { CurrencyCode, Money } from '../model/money';
import type {
  BillingPoint,
  ContactDetails,
  PortalAccess,
  TextAlerts,
} from '../model/partner-settings';
import type {
  DeliveryChannelsInput,
  LeadTypeBoughtInput,
  PartnerTypeInput,
  PaymentModeInput,
  PortalLoginInput,
} from './partner-command-inputs';

/**
 * A command to one partner. Every command names its partner, so a handler can
 * find the stream from the command alone and decide can refuse a misrouted one.
 */
export interface PartnerCommandOf<Type extends string, Data> {
  type: Type;
  data: Data & { partnerId: string };
  metadata: CommandMetadata;
}

/**
 * Registers a partner. Omitted settings take defaults: no portal access, no
 * login, pre-pay, billed at delivery, email delivery, no limits, every day all
 * day in UTC, no contact details, no text alerts, a low-funds threshold of 0.
 */
export type RegisterPartner = PartnerCommandOf<
  'RegisterPartner',
  {
    name: string;
    /** The currency of all this partner's money, for good. */
    currency: CurrencyCode;
    partnerType: PartnerTypeInput;
    portalAccess?: PortalAccess;
    portalLogin?: PortalLoginInput;
    payment?: PaymentModeInput;
    billingPoint?: BillingPoint;
    delivery?: DeliveryChannelsInput;
    limits?: DeliveryLimits;
    schedule?: DeliverySchedule;
    contact?: Partial<ContactDetails>;
    textAlerts?: TextAlerts;
    lowFundsThreshold?: Money;
  }
>;

/** Renames a partner. */
export type RenamePartner = PartnerCommandOf<'RenamePartner', { name: string }>;

/** Makes a partner an introducer, a partner or both; a price for a dropped role is dropped. */
export type ChangePartnerType = PartnerCommandOf<
  'ChangePartnerType',
  { partnerType: PartnerTypeInput }
>;

/** Sets what the operator pays an introducer per lead. */
export type SetLeadCost = PartnerCommandOf<'SetLeadCost', { leadCost: Money }>;

/** Sets what the operator sells a lead to a partner for. */
export type SetLeadValue = PartnerCommandOf<'SetLeadValue', { leadValue: Money }>;

/** Sets the portal access level, referral acceptance and lead-status permission. */
export type SetPortalAccess = PartnerCommandOf<'SetPortalAccess', { portalAccess: PortalAccess }>;

/** Records that a portal login was created (by password or invitation). */
export type RecordPortalLogin = PartnerCommandOf<
  'RecordPortalLogin',
  { portalLogin: PortalLoginInput }
>;

/** Switches between pre-pay and post-pay with a credit limit. */
export type SetPaymentMode = PartnerCommandOf<'SetPaymentMode', { payment: PaymentModeInput }>;

/** Sets when the partner is charged for a lead. */
export type SetBillingPoint = PartnerCommandOf<'SetBillingPoint', { billingPoint: BillingPoint }>;

/** Sets the delivery channels and the internet delivery. */
export type ConfigureDelivery = PartnerCommandOf<
  'ConfigureDelivery',
  { delivery: DeliveryChannelsInput }
>;

/** Sets the daily and monthly lead limits (0 disables one). */
export type SetDeliveryLimits = PartnerCommandOf<'SetDeliveryLimits', { limits: DeliveryLimits }>;

/** Sets the weekly delivery schedule and its time zone. */
export type SetDeliverySchedule = PartnerCommandOf<
  'SetDeliverySchedule',
  { schedule: DeliverySchedule }
>;

/** Replaces the contact details; null clears one. */
export type SetContactDetails = PartnerCommandOf<'SetContactDetails', { contact: ContactDetails }>;

/** Turns the SMS alerts on or off. */
export type SetTextAlerts = PartnerCommandOf<'SetTextAlerts', { textAlerts: TextAlerts }>;

/** Sets the balance (or credit remaining) at which the low-funds alert fires. */
export type SetLowFundsThreshold = PartnerCommandOf<
  'SetLowFundsThreshold',
  { lowFundsThreshold: Money }
>;

/**
 * Replaces the lead types the partner buys, whole. `catalogue` is what the
 * service knows of the lead types named (from the leads service's
 * announcements): a type missing from it, or inactive, is refused.
 */
export type SetLeadTypesBought = PartnerCommandOf<
  'SetLeadTypesBought',
  { leadTypes: LeadTypeBoughtInput[]; catalogue: readonly KnownLeadType[] }
>;

/** Sets the partner's selection priority (0-100, higher first). */
export type SetSelectionPriority = PartnerCommandOf<
  'SetSelectionPriority',
  { selectionPriority: number }
>;

/** Stops deliveries to the partner; by an operator, or by the partner itself. */
export type PauseDeliveries = PartnerCommandOf<'PauseDeliveries', Record<never, never>>;

/** Starts deliveries again; by an operator, or by the partner itself. */
export type ResumeDeliveries = PartnerCommandOf<'ResumeDeliveries', Record<never, never>>;

/** Deactivates a partner; the reason is required for the audit trail. */
export type DeactivatePartner = PartnerCommandOf<'DeactivatePartner', { reason: string }>;

/** Makes a deactivated partner active again. */
export type ReactivatePartner = PartnerCommandOf<'ReactivatePartner', Record<never, never>>;

/** Every command the partner aggregate decides on. */
export type PartnerCommand =
  | RegisterPartner
  | RenamePartner
  | ChangePartnerType
  | SetLeadCost
  | SetLeadValue
  | SetPortalAccess
  | RecordPortalLogin
  | SetPaymentMode
  | SetBillingPoint
  | ConfigureDelivery
  | SetDeliveryLimits
  | SetDeliverySchedule
  | SetContactDetails
  | SetTextAlerts
  | SetLowFundsThreshold
  | SetLeadTypesBought
  | SetSelectionPriority
  | PauseDeliveries
  | ResumeDeliveries
  | DeactivatePartner
  | ReactivatePartner;
