import type {
  DeliveryChannels,
  DeliveryLimits,
  DeliverySchedule,
} from '../model/delivery-settings';
import type { LeadTypeBought } from '../model/lead-buying';
import type { CurrencyCode, Money } from '../model/money';
import type {
  BillingPoint,
  ContactDetails,
  PartnerRegistrationSettings,
  PartnerType,
  PaymentMode,
  PortalAccess,
  PortalLogin,
  TextAlerts,
} from '../model/partner-settings';
import type { DeliveryPause } from '../model/partner-state';

/**
 * A partner event as decide returns it and evolve folds it. Each carries the
 * partner id (consumers of the integration topic need it) and the setting's
 * whole new value, so one event explains the state without reading others.
 */
export interface PartnerEventOf<Type extends string, Data> {
  type: Type;
  data: Data & { partnerId: string };
}

/**
 * A partner was registered. It carries every initial setting with the defaults
 * already applied, so changing a default later never rewrites history; what
 * the partner buys is not among them (it buys nothing until set).
 */
export type PartnerRegistered = PartnerEventOf<
  'PartnerRegistered',
  {
    name: string;
    currency: CurrencyCode;
    registeredAt: string;
    settings: PartnerRegistrationSettings;
  }
>;

/** The partner's name changed. */
export type PartnerRenamed = PartnerEventOf<'PartnerRenamed', { name: string }>;

/** The partner became an introducer, a partner or both, with the prices of its roles. */
export type PartnerTypeChanged = PartnerEventOf<'PartnerTypeChanged', { partnerType: PartnerType }>;

/** The introducer's lead cost was set. */
export type LeadCostSet = PartnerEventOf<'LeadCostSet', { leadCost: Money }>;

/** The partner's lead value was set. */
export type LeadValueSet = PartnerEventOf<'LeadValueSet', { leadValue: Money }>;

/** The portal access level, referral acceptance or lead-status permission changed. */
export type PortalAccessChanged = PartnerEventOf<
  'PortalAccessChanged',
  { portalAccess: PortalAccess }
>;

/** A portal login was created; the credentials are not here and never will be. */
export type PortalLoginCreated = PartnerEventOf<'PortalLoginCreated', { portalLogin: PortalLogin }>;

/** The partner switched payment mode or credit limit. */
export type PaymentModeChanged = PartnerEventOf<'PaymentModeChanged', { payment: PaymentMode }>;

/** The point at which the partner is charged changed. */
export type BillingPointChanged = PartnerEventOf<
  'BillingPointChanged',
  { billingPoint: BillingPoint }
>;

/** The delivery channels or the internet delivery changed. */
export type DeliveryConfigured = PartnerEventOf<
  'DeliveryConfigured',
  { delivery: DeliveryChannels }
>;

/** The daily or monthly lead limit changed. */
export type DeliveryLimitsChanged = PartnerEventOf<
  'DeliveryLimitsChanged',
  { limits: DeliveryLimits }
>;

/** The weekly delivery schedule changed. */
export type DeliveryScheduleChanged = PartnerEventOf<
  'DeliveryScheduleChanged',
  { schedule: DeliverySchedule }
>;

/** The contact details changed. */
export type ContactDetailsChanged = PartnerEventOf<
  'ContactDetailsChanged',
  { contact: ContactDetails }
>;

/** The SMS alerts were turned on or off. */
export type TextAlertsChanged = PartnerEventOf<'TextAlertsChanged', { textAlerts: TextAlerts }>;

/** The low-funds threshold changed. */
export type LowFundsThresholdChanged = PartnerEventOf<
  'LowFundsThresholdChanged',
  { lowFundsThreshold: Money }
>;

/** The lead types the partner buys changed; the whole new list. */
export type LeadTypesBoughtChanged = PartnerEventOf<
  'LeadTypesBoughtChanged',
  { leadTypes: LeadTypeBought[] }
>;

/** The partner's selection priority changed. */
export type SelectionPriorityChanged = PartnerEventOf<
  'SelectionPriorityChanged',
  { selectionPriority: number }
>;

/** Deliveries to the partner stopped; nothing else about the partner changed. */
export type DeliveriesPaused = PartnerEventOf<'DeliveriesPaused', { pause: DeliveryPause }>;

/** Deliveries to the partner started again. */
export type DeliveriesResumed = PartnerEventOf<'DeliveriesResumed', Record<never, never>>;

/** The partner was deactivated, with the operator's reason. */
export type PartnerDeactivated = PartnerEventOf<
  'PartnerDeactivated',
  { reason: string; deactivatedAt: string }
>;

/** The partner was made active again. */
export type PartnerReactivated = PartnerEventOf<'PartnerReactivated', Record<never, never>>;

/** Every event of a partner stream. */
export type PartnerEvent =
  | PartnerRegistered
  | PartnerRenamed
  | PartnerTypeChanged
  | LeadCostSet
  | LeadValueSet
  | PortalAccessChanged
  | PortalLoginCreated
  | PaymentModeChanged
  | BillingPointChanged
  | DeliveryConfigured
  | DeliveryLimitsChanged
  | DeliveryScheduleChanged
  | ContactDetailsChanged
  | TextAlertsChanged
  | LowFundsThresholdChanged
  | LeadTypesBoughtChanged
  | SelectionPriorityChanged
  | DeliveriesPaused
  | DeliveriesResumed
  | PartnerDeactivated
  | PartnerReactivated;

/** The type names of {@link PartnerEvent}, e.g. for a projection's subscription filter. */
export type PartnerEventType = PartnerEvent['type'];

/** Every partner event type, once: the type guard below and subscription filters use it. */
export const PARTNER_EVENT_TYPES = [
  'PartnerRegistered',
  'PartnerRenamed',
  'PartnerTypeChanged',
  'LeadCostSet',
  'LeadValueSet',
  'PortalAccessChanged',
  'PortalLoginCreated',
  'PaymentModeChanged',
  'BillingPointChanged',
  'DeliveryConfigured',
  'DeliveryLimitsChanged',
  'DeliveryScheduleChanged',
  'ContactDetailsChanged',
  'TextAlertsChanged',
  'LowFundsThresholdChanged',
  'LeadTypesBoughtChanged',
  'SelectionPriorityChanged',
  'DeliveriesPaused',
  'DeliveriesResumed',
  'PartnerDeactivated',
  'PartnerReactivated',
] as const satisfies readonly PartnerEventType[];

// A new event type that is not listed above fails to compile here.
type UnlistedEventType = Exclude<PartnerEventType, (typeof PARTNER_EVENT_TYPES)[number]>;
const _everyTypeListed: [UnlistedEventType] extends [never] ? true : UnlistedEventType = true;
void _everyTypeListed;

const KNOWN_TYPES = new Set<string>(PARTNER_EVENT_TYPES);

/** Whether a recorded event is a partner event: what reads of a partner stream are typed by. */
export function isPartnerEvent(event: { type: string; data: unknown }): event is PartnerEvent {
  return KNOWN_TYPES.has(event.type);
}
