/**
 * Integration events the leads context publishes or accepts. Today: the intake
 * contract `LeadReceived` v1 for internal publishers outside LeadRail.
 */
export * from './leads-intake-registry';
export * from './lead-received/has-email-or-phone';
export * from './lead-received/lead-address';
export * from './lead-received/lead-answers';
export * from './lead-received/lead-consent';
export * from './lead-received/lead-contact';
export * from './lead-received/lead-received-data';
export * from './lead-received/lead-received.examples';
export * from './lead-received/lead-received.v1';
