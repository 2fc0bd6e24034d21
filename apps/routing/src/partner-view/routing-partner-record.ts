import type {
  BillingPointChangedV1,
  DeliveriesPausedV1,
  DeliveriesResumedV1,
  DeliveryConfiguredV1,
  DeliveryLimitsChangedV1,
  DeliveryScheduleChangedV1,
  LeadTypesBoughtChangedV1,
  LeadValueSetV1,
  PartnerDeactivatedV1,
  PartnerReactivatedV1,
  PartnerRegisteredV1,
  PartnerTypeChangedV1,
  PaymentModeChangedV1,
  SelectionPriorityChangedV1,
  DeliverySchedule,
} from '@leadrail/partners-contracts';
import { WEEKDAYS, type WeeklySchedule } from '@leadrail/schedule';

/** The partner events routing's view of partners is folded from. */
export type RoutingPartnerEvent =
  | PartnerRegisteredV1
  | PartnerTypeChangedV1
  | LeadValueSetV1
  | PaymentModeChangedV1
  | BillingPointChangedV1
  | DeliveryConfiguredV1
  | DeliveryLimitsChangedV1
  | DeliveryScheduleChangedV1
  | LeadTypesBoughtChangedV1
  | SelectionPriorityChangedV1
  | DeliveriesPausedV1
  | DeliveriesResumedV1
  | PartnerDeactivatedV1
  | PartnerReactivatedV1;

/** Every type of {@link RoutingPartnerEvent}: what the handler subscribes to. */
export const ROUTING_PARTNER_EVENT_TYPES = [
  'PartnerRegistered',
  'PartnerTypeChanged',
  'LeadValueSet',
  'PaymentModeChanged',
  'BillingPointChanged',
  'DeliveryConfigured',
  'DeliveryLimitsChanged',
  'DeliveryScheduleChanged',
  'LeadTypesBoughtChanged',
  'SelectionPriorityChanged',
  'DeliveriesPaused',
  'DeliveriesResumed',
  'PartnerDeactivated',
  'PartnerReactivated',
] as const satisfies readonly RoutingPartnerEvent['type'][];

/** A partner's selection priority until SelectionPriorityChanged (the partners contract says 50). */
export const DEFAULT_SELECTION_PRIORITY = 50;

type PlainMoney = { amount: number; currency: string };
type CriterionScalar = string | number | boolean;

/**
 * What routing keeps of one partner (one JSON row of `routing_partners`):
 * the partner settings a routing decision reads, as the partners contracts
 * carry them, and the id of the last event applied (the "position" a
 * decision names). Plain JSON: it is stored as `jsonb`.
 */
export interface RoutingPartnerRecord {
  partnerId: string;
  isPartner: boolean;
  active: boolean;
  paused: boolean;
  leadValue: PlainMoney | null;
  leadTypes: {
    leadType: string;
    postcodes: string[];
    criteria: { field: string; operator: string; value: CriterionScalar | CriterionScalar[] }[];
    leadValue: PlainMoney | null;
    /** Its share among equals for a weighted lead type; absent (events before weights): 1. */
    weight?: number;
  }[];
  selectionPriority: number;
  delivery: { email: boolean; internet: boolean };
  schedule: WeeklySchedule;
  limits: { daily: number; monthly: number };
  payment: { mode: 'pre-pay' | 'post-pay'; creditLimit: PlainMoney | null };
  billingPoint: 'delivery' | 'acceptance' | 'qualification' | 'conversion';
  /** The partner's currency (PartnerRegistered): a post-pay credit limit's, when it has none. */
  currency: string;
  lastEventId: string;
}

function money(value: PlainMoney | null | undefined): PlainMoney | null {
  return value === null || value === undefined
    ? null
    : { amount: value.amount, currency: value.currency };
}

/** A copy of class instances as plain JSON (contract classes carry prototypes; jsonb wants data). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function scheduleRecord(schedule: DeliverySchedule): WeeklySchedule {
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const { enabled, from, to } = schedule.days[day];
      return [day, { enabled, from, to }];
    }),
  ) as WeeklySchedule['days'];
  return { timeZone: schedule.timeZone, days };
}

/**
 * Folds one partner event into routing's record of the partner: pure, so the
 * handler and its tests share it. An event about a partner never registered
 * leaves it unknown (null): the topic is keyed by partner, so registration
 * always comes first.
 */
export function applyPartnerEvent(
  record: RoutingPartnerRecord | null,
  event: RoutingPartnerEvent,
): RoutingPartnerRecord | null {
  if (event.type === 'PartnerRegistered') {
    const { partnerId, settings, currency } = event.data;
    return (
      record ?? {
        partnerId,
        isPartner: settings.partnerType.partner,
        active: true,
        paused: false,
        leadValue: money(settings.partnerType.leadValue),
        leadTypes: [],
        selectionPriority: DEFAULT_SELECTION_PRIORITY,
        delivery: {
          email: settings.delivery.email,
          internet: settings.delivery.internet !== null,
        },
        schedule: scheduleRecord(settings.schedule),
        limits: { daily: settings.limits.daily, monthly: settings.limits.monthly },
        payment: {
          mode: settings.payment.mode,
          creditLimit: money(settings.payment.creditLimit),
        },
        billingPoint: settings.billingPoint,
        currency,
        lastEventId: event.eventId,
      }
    );
  }
  if (record === null) {
    return null;
  }
  const next = { ...record, lastEventId: event.eventId };
  switch (event.type) {
    case 'PartnerTypeChanged':
      return {
        ...next,
        isPartner: event.data.partnerType.partner,
        leadValue: money(event.data.partnerType.leadValue),
      };
    case 'LeadValueSet':
      return { ...next, leadValue: money(event.data.leadValue) };
    case 'PaymentModeChanged':
      return {
        ...next,
        payment: {
          mode: event.data.payment.mode,
          creditLimit: money(event.data.payment.creditLimit),
        },
      };
    case 'BillingPointChanged':
      return { ...next, billingPoint: event.data.billingPoint };
    case 'DeliveryConfigured':
      return {
        ...next,
        delivery: {
          email: event.data.delivery.email,
          internet: event.data.delivery.internet !== null,
        },
      };
    case 'DeliveryLimitsChanged':
      return {
        ...next,
        limits: { daily: event.data.limits.daily, monthly: event.data.limits.monthly },
      };
    case 'DeliveryScheduleChanged':
      return { ...next, schedule: scheduleRecord(event.data.schedule) };
    case 'LeadTypesBoughtChanged':
      return {
        ...next,
        leadTypes: plain(event.data.leadTypes) as RoutingPartnerRecord['leadTypes'],
      };
    case 'SelectionPriorityChanged':
      return { ...next, selectionPriority: event.data.selectionPriority };
    case 'DeliveriesPaused':
    case 'DeliveriesResumed':
      return { ...next, paused: event.type === 'DeliveriesPaused' };
    case 'PartnerDeactivated':
    case 'PartnerReactivated':
      return { ...next, active: event.type === 'PartnerReactivated' };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
