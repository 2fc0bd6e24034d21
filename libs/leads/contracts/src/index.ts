/**
 * Integration events the leads context publishes or accepts: the intake
 * contract `LeadReceived` v1 for internal publishers outside LeadRail
 * (`leadsIntakeRegistry`), and the lead's life as the leads service publishes
 * it on `leadrail.leads.v1` (`leadsRegistry`, docs/contracts/lead-events-v1.md).
 */
export * from './leads-intake-registry';
export * from './lead-events/delivery.v1';
export * from './lead-events/intake-outcomes.v1';
export * from './lead-events/lead-event';
export * from './lead-events/lead-recorded-data';
export * from './lead-events/lead-recorded.examples';
export * from './lead-events/lead-recorded.v1';
export * from './lead-events/leads-registry';
export * from './lead-events/personal-data-erased.v1';
export * from './lead-events/referrals.v1';
export * from './lead-events/returns.v1';
export * from './lead-events/status.v1';
export * from './lead-events/values/billing-points';
export * from './lead-events/values/duplicate-link';
export * from './lead-events/values/lead-actor';
export * from './lead-events/values/lead-area';
export * from './lead-events/values/lead-rejection';
export * from './lead-events/values/lead-source';
export * from './lead-events/values/open-sealed-personal-data';
export * from './lead-events/values/sealed-personal-data';
export * from './lead-types/lead-type-events.v1';
export * from './lead-received/has-email-or-phone';
export * from './lead-received/lead-address';
export * from './lead-received/lead-answers';
export * from './lead-received/lead-consent';
export * from './lead-received/lead-contact';
export * from './lead-received/lead-received-data';
export * from './lead-received/lead-received.examples';
export * from './lead-received/lead-received.v1';
