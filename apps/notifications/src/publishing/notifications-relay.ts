import {
  NOTIFICATION_STREAM_CATEGORY,
  PUBLISHED_NOTIFICATION_EVENT_TYPES,
} from '@leadrail/notifications-domain';
import { NOTIFICATIONS_SOURCE } from '@leadrail/notifications-contracts';
import { integrationMessage, type RelayRoute } from '@leadrail/messaging';
import { Topics } from '@leadrail/topics';

/**
 * The notifications relay: every notification sent, failed, skipped, and its
 * provider's statuses, on `leadrail.notifications.v1` keyed by the partner.
 */
export const notificationsRelay: RelayRoute = {
  name: 'notifications',
  filter: {
    streamNamePrefixes: [`${NOTIFICATION_STREAM_CATEGORY}-`],
    eventTypes: PUBLISHED_NOTIFICATION_EVENT_TYPES,
  },
  toMessage: (event) => ({
    ...integrationMessage(event, { topic: Topics.notifications, source: NOTIFICATIONS_SOURCE }),
    key: (event.data as { partnerId: string }).partnerId,
  }),
};
