/**
 * The pure core of billing (docs/billing-service.md): partner accounts
 * (charges, payments, adjustments, reversals, low-funds alerts), what
 * introducers are owed, and which lead events reach which billing point.
 * No I/O, no clock.
 */
export * from './account/account-aggregate';
export * from './account/account-at';
export * from './account/account-commands';
export * from './account/account-events';
export * from './account/account-state';
export * from './account/account-stream';
export * from './account/account-terms';
export * from './account/billing-error';
export * from './billing-point/billing-points-reached';
export * from './payable/payable-aggregate';
export * from './payable/payable-stream';
