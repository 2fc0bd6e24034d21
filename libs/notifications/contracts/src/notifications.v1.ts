import {
  IntegrationEventOf,
  IsText,
  Money,
  NestedObject,
  Nullable,
} from '@leadrail/integration-events';
import { IsInt, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  NOTIFICATION_EXAMPLE_IDS as IDS,
  NotificationV1Data,
  defineNotificationEventV1,
  notificationExample,
} from './notification-event';

/** The data of `NotificationSent` v1. */
export class NotificationSentV1Data extends NotificationV1Data {
  @JSONSchema({
    description: 'Where it went: the partner’s phone number (E.164) or email address.',
  })
  @IsText(320)
  to!: string;

  @Nullable(
    "The provider's id for the message (Twilio's message SID, the SMTP Message-ID), or null.",
  )
  @IsText(200)
  providerId!: string | null;

  @Nullable("What the operator pays for it: one SMS at the operator's SMS rate; null for email.")
  @NestedObject(() => Money)
  cost!: Money | null;

  @JSONSchema({ description: 'Attempts it took (1 for the first).' })
  @IsInt()
  @Min(1)
  attempts!: number;
}

/** The data of `NotificationFailed` v1. */
export class NotificationFailedV1Data extends NotificationV1Data {
  @JSONSchema({ description: 'Where it was meant to go.' })
  @IsText(320)
  to!: string;

  @JSONSchema({ description: 'Why it could not be sent, after the last attempt.' })
  @IsText(500)
  reason!: string;

  @IsInt()
  @Min(1)
  attempts!: number;
}

/** The data of `NotificationSkipped` v1. */
export class NotificationSkippedV1Data extends NotificationV1Data {
  @JSONSchema({
    description:
      'Why nothing was sent: no-phone, no-email, sms-not-configured or email-not-configured.',
  })
  @IsText(100)
  reason!: string;
}

/** The data of `NotificationStatusChanged` v1. */
export class NotificationStatusChangedV1Data extends NotificationV1Data {
  @JSONSchema({ description: "The provider's id for the message." })
  @IsText(200)
  providerId!: string;

  @JSONSchema({
    description:
      "The provider's status: queued, sent, delivered, undelivered or failed (Twilio's words).",
  })
  @IsText(40)
  status!: string;

  @Nullable("The provider's error code when it failed, or null.")
  @IsText(40)
  errorCode!: string | null;
}

const base = {
  notificationId: IDS.notification,
  partnerId: IDS.partner,
  channel: 'sms' as const,
  purpose: 'low-funds' as const,
  causeEventId: IDS.cause,
};

export const notificationSentV1 = defineNotificationEventV1({
  type: 'NotificationSent',
  data: NotificationSentV1Data,
  description:
    'A notification reached its provider: an SMS accepted by Twilio (costed at the operator’s SMS rate) or an email accepted by the SMTP server.',
  examples: [
    notificationExample(
      'NotificationSent',
      {
        name: 'low-funds-sms',
        summary: 'A low-funds text, 5p at the operator’s rate.',
        eventId: '1c3e5a7b-9d1f-4b3d-8e5f-7a9c1e3b5d70',
      },
      {
        ...base,
        at: '2026-11-25T11:00:02.000Z',
        to: '+447700900123',
        providerId: 'SM0123456789abcdef0123456789abcdef',
        cost: { amount: 5, currency: 'GBP' },
        attempts: 1,
      },
    ),
  ],
});

export const notificationFailedV1 = defineNotificationEventV1({
  type: 'NotificationFailed',
  data: NotificationFailedV1Data,
  description:
    'A notification could not be sent after its retries (or the provider refused it for good).',
  examples: [
    notificationExample(
      'NotificationFailed',
      {
        name: 'invalid-number',
        summary: 'Twilio refused the number.',
        eventId: '2d4f6b8c-0e2a-4c4e-9f6a-8b0d2f4c6e81',
      },
      {
        ...base,
        at: '2026-11-25T11:00:02.000Z',
        to: '+447700900123',
        reason: "Twilio 21211: The 'To' number is not a valid phone number",
        attempts: 1,
      },
    ),
  ],
});

export const notificationSkippedV1 = defineNotificationEventV1({
  type: 'NotificationSkipped',
  data: NotificationSkippedV1Data,
  description:
    'A notification the partner’s settings call for could not be sent at all: no phone number or email address, or the channel is not configured.',
  examples: [
    notificationExample(
      'NotificationSkipped',
      {
        name: 'no-phone',
        summary: 'Text alerts are on but the partner has no phone number.',
        eventId: '3e5a7c9d-1f3b-4d5f-8a7b-9c1e3a5d7f92',
      },
      { ...base, at: '2026-11-25T11:00:00.500Z', reason: 'no-phone' },
    ),
  ],
});

export const notificationStatusChangedV1 = defineNotificationEventV1({
  type: 'NotificationStatusChanged',
  data: NotificationStatusChangedV1Data,
  description:
    "The provider reported where a sent message got to (Twilio's signed status callback).",
  examples: [
    notificationExample(
      'NotificationStatusChanged',
      {
        name: 'delivered',
        summary: 'The handset received the text.',
        eventId: '4f6b8d0e-2a4c-4e6a-9b8c-0d2f4b6e8a03',
      },
      {
        ...base,
        at: '2026-11-25T11:00:05.000Z',
        providerId: 'SM0123456789abcdef0123456789abcdef',
        status: 'delivered',
        errorCode: null,
      },
    ),
  ],
});

export type NotificationSentV1 = IntegrationEventOf<typeof notificationSentV1>;
export type NotificationFailedV1 = IntegrationEventOf<typeof notificationFailedV1>;
export type NotificationSkippedV1 = IntegrationEventOf<typeof notificationSkippedV1>;
export type NotificationStatusChangedV1 = IntegrationEventOf<typeof notificationStatusChangedV1>;
