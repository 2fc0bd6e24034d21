import { IntegrationEventExample, IsUtcTimestamp, v1EventsOn } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';
import { IsIn, IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** The envelope `source` of every event the notifications service publishes. */
export const NOTIFICATIONS_SOURCE = 'leadrail.notifications';

export const NOTIFICATION_CHANNELS_V1 = ['sms', 'email'] as const;
export const NOTIFICATION_PURPOSES_V1 = ['referral', 'low-funds'] as const;

/** What every notification event's data has: the key and the notification it is about. */
export interface NotificationEventData {
  partnerId: string;
}

/**
 * Declares v1 of a notification event on `leadrail.notifications.v1`,
 * keyed by `data.partnerId`: one partner's notifications stay in order.
 */
export const defineNotificationEventV1 = v1EventsOn<NotificationEventData>(Topics.notifications, {
  description: 'data.partnerId, the partner notified (UUID): its notifications stay in order.',
  of: (data) => data.partnerId,
});

/** What every notification event says about the notification. */
export abstract class NotificationV1Data {
  @JSONSchema({
    description: 'The notification (UUID, derived from its cause, channel and partner).',
  })
  @IsUUID()
  notificationId!: string;

  @JSONSchema({ description: 'The partner notified (UUID); also the Kafka message key.' })
  @IsUUID()
  partnerId!: string;

  @JSONSchema({ description: 'sms (through Twilio) or email (over SMTP).' })
  @IsIn(NOTIFICATION_CHANNELS_V1)
  channel!: (typeof NOTIFICATION_CHANNELS_V1)[number];

  @JSONSchema({
    description:
      'referral (a lead offered to the partner) or low-funds (its funds reached the threshold).',
  })
  @IsIn(NOTIFICATION_PURPOSES_V1)
  purpose!: (typeof NOTIFICATION_PURPOSES_V1)[number];

  @JSONSchema({
    description: 'The event that caused it (its eventId): a LeadReferred or a PartnerFundsLow.',
  })
  @IsUUID()
  causeEventId!: string;

  @JSONSchema({ description: 'When this happened: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  at!: string;
}

export const NOTIFICATION_EXAMPLE_IDS = {
  notification: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  partner: '5d5b3ca9-467b-42e6-83f3-f0d8a37de243',
  cause: '9b1d3f5a-7c9e-4b2d-8f4a-6c8e0a2b4d61',
} as const;

/** An example message as the notifications relay writes it. */
export function notificationExample<
  const TType extends string,
  const TData extends NotificationEventData,
>(
  type: TType,
  meta: { name: string; summary: string; eventId: string },
  data: TData & { at: string },
): IntegrationEventExample<TType, 1, TData> {
  return {
    name: meta.name,
    summary: meta.summary,
    payload: {
      eventId: meta.eventId,
      type,
      version: 1,
      occurredAt: data.at,
      correlationId: NOTIFICATION_EXAMPLE_IDS.cause,
      causationId: NOTIFICATION_EXAMPLE_IDS.cause,
      source: NOTIFICATIONS_SOURCE,
      data,
    },
  };
}
