import { IntegrationEventRegistry } from '@leadrail/integration-events';
import { partnerAccountCreditedV1 } from './partner-account-credited.v1';
import { partnerAccountDebitedV1 } from './partner-account-debited.v1';
import { partnerChargedV1 } from './partner-charged.v1';
import { partnerFundsLowV1, partnerFundsRestoredV1 } from './partner-funds-alerts.v1';
import { introducerPayableRecordedV1, introducerPayableReversedV1 } from './introducer-payables.v1';

/** Every event the billing service publishes on `leadrail.billing.v1`. */
export const billingRegistry = new IntegrationEventRegistry([
  partnerAccountCreditedV1,
  partnerAccountDebitedV1,
  partnerChargedV1,
  partnerFundsLowV1,
  partnerFundsRestoredV1,
  introducerPayableRecordedV1,
  introducerPayableReversedV1,
]);

/** Every event that moves a partner's account and says its balance after. */
export const ACCOUNT_MOVEMENT_TYPES = [
  partnerAccountCreditedV1.type,
  partnerAccountDebitedV1.type,
  partnerChargedV1.type,
] as const;
