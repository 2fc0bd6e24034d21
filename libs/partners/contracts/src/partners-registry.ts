import { IntegrationEventRegistry } from '@leadrail/integration-events';
import { leadTypesBoughtChangedV1, selectionPriorityChangedV1 } from './events/buying.v1';
import {
  contactDetailsChangedV1,
  deliveriesPausedV1,
  deliveriesResumedV1,
  partnerDeactivatedV1,
  partnerReactivatedV1,
  textAlertsChangedV1,
} from './events/contact-and-lifecycle.v1';
import {
  deliveryConfiguredV1,
  deliveryLimitsChangedV1,
  deliveryScheduleChangedV1,
} from './events/delivery.v1';
import {
  billingPointChangedV1,
  lowFundsThresholdChangedV1,
  paymentModeChangedV1,
  portalAccessChangedV1,
  portalLoginCreatedV1,
} from './events/portal-and-billing.v1';
import {
  leadCostSetV1,
  leadValueSetV1,
  partnerRegisteredV1,
  partnerRenamedV1,
  partnerTypeChangedV1,
} from './events/profile.v1';

/**
 * Every event the partners service publishes on `leadrail.partners.v1`, in the
 * domain's order. Consumers may build a narrower registry of the events they use.
 */
export const partnersRegistry = new IntegrationEventRegistry([
  partnerRegisteredV1,
  partnerRenamedV1,
  partnerTypeChangedV1,
  leadCostSetV1,
  leadValueSetV1,
  portalAccessChangedV1,
  portalLoginCreatedV1,
  paymentModeChangedV1,
  billingPointChangedV1,
  deliveryConfiguredV1,
  deliveryLimitsChangedV1,
  deliveryScheduleChangedV1,
  contactDetailsChangedV1,
  textAlertsChangedV1,
  lowFundsThresholdChangedV1,
  leadTypesBoughtChangedV1,
  selectionPriorityChangedV1,
  deliveriesPausedV1,
  deliveriesResumedV1,
  partnerDeactivatedV1,
  partnerReactivatedV1,
]);
