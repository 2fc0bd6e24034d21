/**
 * Integration events the notifications context publishes on
 * `leadrail.notifications.v1` (`notificationsRegistry`, docs/contracts):
 * every text and email alert sent, failed or skipped, with its cost, and
 * where the provider says it got to.
 */
export * from './notification-event';
export * from './notifications-registry';
export * from './notifications.v1';
