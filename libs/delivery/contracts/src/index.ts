/**
 * Integration events the delivery context publishes on `leadrail.delivery.v1`
 * (`deliveryRegistry`, docs/contracts/delivery-events-v1.md): every attempt as
 * it happened, and each delivery's final outcome.
 */
export * from './delivery-attempted.v1';
export * from './delivery-event';
export * from './delivery-outcomes.v1';
export * from './delivery-registry';
