import { v5 as uuidV5 } from 'uuid';
import { isNotificationEvent } from './notification-events';
import {
  decideNotification,
  evolveNotification,
  initialNotificationState,
} from './notification-aggregate';

export const NOTIFICATION_STREAM_CATEGORY = 'notification';

export function notificationStream(notificationId: string): string {
  return `${NOTIFICATION_STREAM_CATEGORY}-${notificationId}`;
}

/** The notification as an aggregate (the event store's `Aggregate` shape). */
export const notificationAggregate = {
  initialState: initialNotificationState,
  decide: decideNotification,
  evolve: evolveNotification,
  streamName: notificationStream,
  isEvent: isNotificationEvent,
};

/** The namespace of notification ids: fixed, so every instance derives the same id. */
const NOTIFICATION_ID_NAMESPACE = '2b8e4f61-7c3a-4d95-a1e0-6f5b9c2d8e47';

/**
 * A notification's id: the same for the same cause, channel and partner, so a
 * redelivered cause finds its notification already requested.
 */
export function notificationIdOf(causeEventId: string, channel: string, partnerId: string): string {
  return uuidV5(
    `${causeEventId.toLowerCase()}/${channel}/${partnerId.toLowerCase()}`,
    NOTIFICATION_ID_NAMESPACE,
  );
}
