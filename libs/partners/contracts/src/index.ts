/**
 * Integration events the partners context publishes on `leadrail.partners.v1`:
 * v1 of all 21 partner events, their shared value shapes and `partnersRegistry`
 * (docs/contracts/partner-events-v1.md). The public shape, not the domain model.
 */
export * from './partners-registry';
export * from './events/buying.v1';
export * from './events/contact-and-lifecycle.v1';
export * from './events/delivery.v1';
export * from './events/partner-event';
export * from './events/partner-registered.examples';
export * from './events/portal-and-billing.v1';
export * from './events/profile.v1';
export * from './rules/criterion-value';
export * from './rules/header-map';
export * from './rules/is-partner-id';
export * from './rules/non-blank';
export * from './rules/postcodes';
export * from './values/contact-details';
export * from './values/delivery-channels';
export * from './values/delivery-limits';
export * from './values/delivery-pause';
export * from './values/delivery-schedule';
export * from './values/lead-type-bought';
export * from './values/outcome-rules';
export * from './values/partner-settings';
export * from './values/partner-type';
export * from './values/payment-mode';
export * from './values/portal-access';
export * from './values/portal-login';
export * from './values/text-alerts';
