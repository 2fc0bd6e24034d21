/**
 * Integration events the billing context publishes on `leadrail.billing.v1`
 * (`billingRegistry`, docs/contracts): every movement of a partner's account
 * with the balance after it (routing follows funds and settles reservations
 * with them), low-funds alerts, and what introducers are owed.
 */
export * from './billing-event';
export * from './billing-registry';
export * from './partner-account-credited.v1';
export * from './partner-account-debited.v1';
export * from './partner-charged.v1';
export * from './partner-funds-alerts.v1';
export * from './introducer-payables.v1';
export * from './values/billing-actor.v1';
