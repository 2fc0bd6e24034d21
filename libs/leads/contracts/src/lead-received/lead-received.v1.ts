import { defineIntegrationEvent, IntegrationEventOf } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';
import { LeadReceivedV1Data } from './lead-received-data';
import { leadReceivedV1Examples } from './lead-received.examples';

/**
 * `LeadReceived` v1: a lead handed to LeadRail by an internal publisher outside
 * it, on `leadrail.leads.intake.v1`, keyed by `data.leadId`. A public contract:
 * only additive, optional changes are made to v1 (docs/contracts/lead-received-v1.md).
 */
export const leadReceivedV1 = defineIntegrationEvent({
  type: 'LeadReceived',
  version: 1,
  topic: Topics.leadIntake,
  data: LeadReceivedV1Data,
  description:
    'A lead captured by an introducer and handed to LeadRail for validation, de-duplication, routing and delivery. Published by internal services outside LeadRail; consumed by the leads service.',
  key: {
    description:
      "data.leadId, the lead's id (UUID): every message about one lead goes to one partition, in order.",
    of: (data) => data.leadId,
  },
  examples: leadReceivedV1Examples,
});

/** A parsed `LeadReceived` v1 event. */
export type LeadReceivedV1 = IntegrationEventOf<typeof leadReceivedV1>;
