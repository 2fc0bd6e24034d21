import { IntegrationEventRegistry } from '@leadrail/integration-events';
import { leadTypeChangedV1, leadTypeDefinedV1 } from '../lead-types/lead-type-events.v1';
import { leadDeliveredV1, leadDeliveryFailedV1 } from './delivery.v1';
import { leadLinkedAsDuplicateV1, leadRejectedV1 } from './intake-outcomes.v1';
import { leadRecordedV1 } from './lead-recorded.v1';
import { leadPersonalDataErasedV1 } from './personal-data-erased.v1';
import {
  leadAllocatedV1,
  leadReferredV1,
  referralAcceptedV1,
  referralDeclinedV1,
  referralExpiredV1,
} from './referrals.v1';
import { returnAcceptedV1, returnDeclinedV1, returnRequestedV1 } from './returns.v1';
import { leadStatusChangedV1 } from './status.v1';

/**
 * Every event the leads service publishes on `leadrail.leads.v1`, in the order
 * of a lead's life, then the lead-type catalogue's. Consumers may build a narrower registry of the events they
 * use; every consumer that opens sealed personal data must handle
 * `LeadPersonalDataErased`.
 */
export const leadsRegistry = new IntegrationEventRegistry([
  leadRecordedV1,
  leadRejectedV1,
  leadLinkedAsDuplicateV1,
  leadAllocatedV1,
  leadReferredV1,
  referralAcceptedV1,
  referralDeclinedV1,
  referralExpiredV1,
  leadDeliveredV1,
  leadDeliveryFailedV1,
  leadStatusChangedV1,
  returnRequestedV1,
  returnAcceptedV1,
  returnDeclinedV1,
  leadPersonalDataErasedV1,
  // The lead-type catalogue, keyed lead-type:<slug> rather than by a lead.
  leadTypeDefinedV1,
  leadTypeChangedV1,
]);
