/**
 * What the delivery context shares with others: the integration events it
 * publishes on `leadrail.delivery.v1` (`deliveryRegistry`,
 * docs/contracts/delivery-events-v1.md), every attempt as it happened and each
 * delivery's final outcome; and the signed Accept and Decline links of its
 * referral emails, which the leads service checks (`referral-links`).
 */
export * from './delivery-attempted.v1';
export * from './delivery-event';
export * from './delivery-outcomes.v1';
export * from './delivery-registry';
export * from './referral-links/referral-link-token';
