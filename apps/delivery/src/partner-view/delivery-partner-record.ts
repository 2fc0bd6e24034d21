import type {
  ContactDetailsChangedV1,
  DeliveryConfiguredV1,
  DeliveryScheduleChangedV1,
  PartnerRegisteredV1,
  PartnerRenamedV1,
} from '@leadrail/partners-contracts';

/** The partner events delivery's view of partners is folded from. */
export type DeliveryPartnerEvent =
  | PartnerRegisteredV1
  | PartnerRenamedV1
  | ContactDetailsChangedV1
  | DeliveryConfiguredV1
  | DeliveryScheduleChangedV1;

/** Every type of {@link DeliveryPartnerEvent}: what the handler subscribes to. */
export const DELIVERY_PARTNER_EVENT_TYPES = [
  'PartnerRegistered',
  'PartnerRenamed',
  'ContactDetailsChanged',
  'DeliveryConfigured',
  'DeliveryScheduleChanged',
] as const satisfies readonly DeliveryPartnerEvent['type'][];

/** The partner as a delivery needs it: where and how to send, and what templates show. */
export interface DeliveryPartnerRecord {
  partnerId: string;
  name: string;
  timeZone: string;
  contactEmail: string | null;
  /** The partner's delivery channels as its latest setting says (the contract's shape). */
  delivery: PartnerRegisteredV1['data']['settings']['delivery'];
  lastEventId: string;
}

/**
 * Folds one partner event into the record; null when the partner is unknown
 * and the event cannot start it (only PartnerRegistered does).
 */
export function applyDeliveryPartnerEvent(
  record: DeliveryPartnerRecord | null,
  event: DeliveryPartnerEvent,
): DeliveryPartnerRecord | null {
  if (event.type === 'PartnerRegistered') {
    const { partnerId, name, settings } = event.data;
    return {
      partnerId,
      name,
      timeZone: settings.schedule.timeZone,
      contactEmail: settings.contact.email,
      delivery: settings.delivery,
      lastEventId: event.eventId,
    };
  }
  if (record === null) {
    return null;
  }
  const next = { ...record, lastEventId: event.eventId };
  switch (event.type) {
    case 'PartnerRenamed':
      return { ...next, name: event.data.name };
    case 'ContactDetailsChanged':
      return { ...next, contactEmail: event.data.contact.email };
    case 'DeliveryConfigured':
      return { ...next, delivery: event.data.delivery };
    case 'DeliveryScheduleChanged':
      return { ...next, timeZone: event.data.schedule.timeZone };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
