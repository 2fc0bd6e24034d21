import type {
  ContactDetailsChangedV1,
  PartnerRegisteredV1,
  PartnerRenamedV1,
  TextAlertsChangedV1,
} from '@leadrail/partners-contracts';

export type NotificationPartnerEvent =
  PartnerRegisteredV1 | PartnerRenamedV1 | ContactDetailsChangedV1 | TextAlertsChangedV1;

export const NOTIFICATION_PARTNER_EVENT_TYPES = [
  'PartnerRegistered',
  'PartnerRenamed',
  'ContactDetailsChanged',
  'TextAlertsChanged',
] as const satisfies readonly NotificationPartnerEvent['type'][];

/** The partner as notifications needs it: whom to tell, where, and about what. */
export interface NotificationPartnerRecord {
  partnerId: string;
  name: string;
  phone: string | null;
  email: string | null;
  transferPhone: string | null;
  textAlerts: { onReferral: boolean; onLowFunds: boolean };
}

export function applyNotificationPartnerEvent(
  record: NotificationPartnerRecord | null,
  event: NotificationPartnerEvent,
): NotificationPartnerRecord | null {
  if (event.type === 'PartnerRegistered') {
    const { partnerId, name, settings } = event.data;
    return {
      partnerId,
      name,
      phone: settings.contact.phone,
      email: settings.contact.email,
      transferPhone: settings.contact.transferPhone,
      textAlerts: {
        onReferral: settings.textAlerts.onReferral,
        onLowFunds: settings.textAlerts.onLowFunds,
      },
    };
  }
  if (record === null) {
    return null;
  }
  switch (event.type) {
    case 'PartnerRenamed':
      return { ...record, name: event.data.name };
    case 'ContactDetailsChanged': {
      const { phone, email, transferPhone } = event.data.contact;
      return { ...record, phone, email, transferPhone };
    }
    case 'TextAlertsChanged': {
      const { onReferral, onLowFunds } = event.data.textAlerts;
      return { ...record, textAlerts: { onReferral, onLowFunds } };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
