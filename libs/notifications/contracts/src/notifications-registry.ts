import { IntegrationEventRegistry } from '@leadrail/integration-events';
import {
  notificationFailedV1,
  notificationSentV1,
  notificationSkippedV1,
  notificationStatusChangedV1,
} from './notifications.v1';

/** Every event the notifications service publishes on `leadrail.notifications.v1`. */
export const notificationsRegistry = new IntegrationEventRegistry([
  notificationSentV1,
  notificationFailedV1,
  notificationSkippedV1,
  notificationStatusChangedV1,
]);
