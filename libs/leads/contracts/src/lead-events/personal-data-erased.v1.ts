import { IntegrationEventOf, IsUtcTimestamp, NestedObject } from '@leadrail/integration-events';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsLeadId } from './rules/is-lead-id';
import { LeadActor } from './values/lead-actor';
import { EXAMPLE_IDS, defineLeadEventV1, leadExample } from './lead-event';

/** The data of `LeadPersonalDataErased` v1. */
export class LeadPersonalDataErasedV1Data {
  @IsLeadId()
  leadId!: string;

  @JSONSchema({
    description:
      "When the lead's key was deleted: from then on its sealed personal data cannot be opened. ISO 8601 UTC with Z.",
  })
  @IsUtcTimestamp()
  erasedAt!: string;

  @JSONSchema({ description: 'Who erased it: an operator acting on a request, or the system.' })
  @NestedObject(() => LeadActor)
  erasedBy!: LeadActor;
}

/** `LeadPersonalDataErased` v1. */
export const leadPersonalDataErasedV1 = defineLeadEventV1({
  type: 'LeadPersonalDataErased',
  data: LeadPersonalDataErasedV1Data,
  description:
    "The lead's personal data was erased (UK GDPR): its key is deleted, so the sealed contact in LeadRecorded can no longer be opened, and the key endpoint answers 410 Gone. Every consumer must now delete any personal data it holds for this lead (opened contacts, copies, caches, search indexes); counts, money and the trail of events remain. A consumer that never opened the contact has nothing to do.",
  examples: [
    leadExample(
      'LeadPersonalDataErased',
      {
        name: 'erased-on-request',
        summary: "An operator erases the person's data after a request under UK GDPR.",
        eventId: '9d5f2b8e-7a1c-4f3d-8b6e-4c6e8a0c2e99',
        occurredAt: '2027-01-08T11:00:00.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        erasedAt: '2027-01-08T11:00:00.000Z',
        erasedBy: { type: 'operator', id: EXAMPLE_IDS.operator },
      },
    ),
  ],
});

/** A parsed `LeadPersonalDataErased` v1 event. */
export type LeadPersonalDataErasedV1 = IntegrationEventOf<typeof leadPersonalDataErasedV1>;
