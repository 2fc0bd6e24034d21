/**
 * The pure core of notifications (docs/notifications-service.md): a
 * notification's request, attempts and outcome, and the operators' text
 * templates and SMS rate. No I/O, no clock.
 */
export * from './notification/notification-aggregate';
export * from './notification/notification-events';
export * from './notification/notification-stream';
export * from './settings/notification-settings';
export * from './settings/notification-settings-aggregate';
