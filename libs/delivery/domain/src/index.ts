/**
 * The pure core of delivery (docs/delivery-service.md): a delivery's
 * attempts and final outcome, when to try again, the email template
 * setting and the referral email. No I/O, no clock.
 */
export * from './delivery/delivery-aggregate';
export * from './delivery/delivery-commands';
export * from './delivery/delivery-error';
export * from './delivery/delivery-events';
export * from './delivery/delivery-id';
export * from './delivery/delivery-state';
export * from './retry/next-attempt';
export * from './email';
export * from './referral-email';
