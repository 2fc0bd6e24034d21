/**
 * Integration events the billing context publishes on `leadrail.billing.v1`
 * (`billingRegistry`, docs/contracts): every movement of a partner's account
 * with the balance after it. Declared ahead of the billing service (issue
 * #13) so routing can follow funds and settle reservations (issue #11).
 */
export * from './billing-event';
export * from './billing-registry';
export * from './partner-account-credited.v1';
export * from './partner-account-debited.v1';
export * from './partner-charged.v1';
export * from './values/billing-actor.v1';
