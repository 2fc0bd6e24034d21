import type {
  NotificationFailedV1Data,
  NotificationSentV1Data,
  NotificationSkippedV1Data,
  NotificationStatusChangedV1Data,
} from '@leadrail/notifications-contracts';

type Base = Omit<NotificationSentV1Data, 'to' | 'providerId' | 'cost' | 'attempts'>;

/**
 * The events of a notification's stream (`notification-<id>`). The
 * published ones carry their contract's data; `NotificationRequested` and
 * `NotificationAttemptFailed` stay inside the service.
 */
export type NotificationEvent =
  | {
      type: 'NotificationRequested';
      data: Base & { to: string; subject: string | null; body: string };
    }
  | {
      type: 'NotificationAttemptFailed';
      data: Base & { attempt: number; reason: string; retryAt: string };
    }
  | { type: 'NotificationSent'; data: NotificationSentV1Data }
  | { type: 'NotificationFailed'; data: NotificationFailedV1Data }
  | { type: 'NotificationSkipped'; data: NotificationSkippedV1Data }
  | { type: 'NotificationStatusChanged'; data: NotificationStatusChangedV1Data };

export const NOTIFICATION_EVENT_TYPES = [
  'NotificationRequested',
  'NotificationAttemptFailed',
  'NotificationSent',
  'NotificationFailed',
  'NotificationSkipped',
  'NotificationStatusChanged',
] as const satisfies readonly NotificationEvent['type'][];

/** What the relay publishes. */
export const PUBLISHED_NOTIFICATION_EVENT_TYPES = [
  'NotificationSent',
  'NotificationFailed',
  'NotificationSkipped',
  'NotificationStatusChanged',
] as const satisfies readonly NotificationEvent['type'][];

const KNOWN = new Set<string>(NOTIFICATION_EVENT_TYPES);

export function isNotificationEvent(event: {
  type: string;
  data: unknown;
}): event is NotificationEvent {
  return KNOWN.has(event.type);
}
