import { IntegrationEventOf } from '@leadrail/integration-events';
import { defineLeadEventV1 } from './lead-event';
import { LeadRecordedV1Data } from './lead-recorded-data';
import { mortgageLeadRecorded, repeatedLeadRecordedOverHttp } from './lead-recorded.examples';

/**
 * `LeadRecorded` v1: the stored `LeadReceived` as other contexts see it. It is
 * not called `LeadReceived`, which names the intake contract on
 * `leadrail.leads.intake.v1`: one type name, one payload, across the catalogue.
 */
export const leadRecordedV1 = defineLeadEventV1({
  type: 'LeadRecorded',
  data: LeadRecordedV1Data,
  description:
    "A valid lead was recorded, once, whichever way it came in (HTTP or the intake topic): always a lead's first event on this topic, unless it was rejected before being recorded. The person's contact is sealed under the lead's own key (SealedPersonalData); everything else is readable.",
  examples: [mortgageLeadRecorded, repeatedLeadRecordedOverHttp],
});

/** A parsed `LeadRecorded` v1 event. */
export type LeadRecordedV1 = IntegrationEventOf<typeof leadRecordedV1>;
