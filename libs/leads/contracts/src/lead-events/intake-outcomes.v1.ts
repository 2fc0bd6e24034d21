import { IntegrationEventOf, IsUtcTimestamp, NestedObject } from '@leadrail/integration-events';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsLeadId } from './rules/is-lead-id';
import { DuplicateLink } from './values/duplicate-link';
import { LeadRejection } from './values/lead-rejection';
import { EXAMPLE_IDS, defineLeadEventV1, leadExample } from './lead-event';

// What intake and de-duplication decided about a lead.

/** The data of `LeadRejected` v1. */
export class LeadRejectedV1Data {
  @IsLeadId()
  leadId!: string;

  @JSONSchema({ description: 'Why the lead was refused, as its introducer or publisher is told.' })
  @NestedObject(() => LeadRejection)
  rejection!: LeadRejection;

  @JSONSchema({ description: 'When the lead was rejected: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  rejectedAt!: string;
}

/** `LeadRejected` v1. */
export const leadRejectedV1 = defineLeadEventV1({
  type: 'LeadRejected',
  data: LeadRejectedV1Data,
  description:
    'The lead was refused (invalid, a duplicate, an unknown lead type, an inactive introducer, no consent), before it was recorded or after but before routing. Final: a rejected lead has no later event; refused before being recorded, this is its only event.',
  examples: [
    leadExample(
      'LeadRejected',
      {
        name: 'duplicate-rejected',
        summary:
          "The repeat of the mortgage lead matched the operator's email rule, whose action is reject.",
        eventId: '2b7f4e9c-5d1a-4a3e-b8c6-9f0d2e4a6c81',
        occurredAt: '2026-11-27T14:12:05.031Z',
        causationId: '6a2d8f4c-1b7e-4c9a-8d3f-2e5b7a9c1d46',
      },
      {
        leadId: EXAMPLE_IDS.repeatedLead,
        rejection: {
          code: 'DUPLICATE_LEAD',
          reasons: [],
          duplicateOf: {
            originalLeadId: EXAMPLE_IDS.lead,
            ruleId: 'same-email-90-days',
            matchedOn: ['email'],
          },
        },
        rejectedAt: '2026-11-27T14:12:05.031Z',
      },
    ),
    leadExample(
      'LeadRejected',
      {
        name: 'invalid-lead-rejected',
        summary: 'An introducer posted a lead with a malformed email and no phone.',
        eventId: '7e3a9c1f-4b8d-4f2e-a6c0-3d5f7b9e1a28',
        occurredAt: '2026-11-26T10:30:00.000Z',
      },
      {
        leadId: 'e4c2a7f9-3d1b-4e6a-9c8f-7b5d3a1e9f60',
        rejection: {
          code: 'INVALID_LEAD',
          reasons: [
            { field: 'contact.email', message: 'must be an email address, e.g. jane@example.com' },
          ],
          duplicateOf: null,
        },
        rejectedAt: '2026-11-26T10:30:00.000Z',
      },
    ),
  ],
});

/** The data of `LeadLinkedAsDuplicate` v1. */
export class LeadLinkedAsDuplicateV1Data {
  @IsLeadId()
  leadId!: string;

  @JSONSchema({ description: 'The earlier lead this one repeats, and the rule that found it.' })
  @NestedObject(() => DuplicateLink)
  duplicateOf!: DuplicateLink;
}

/** `LeadLinkedAsDuplicate` v1. */
export const leadLinkedAsDuplicateV1 = defineLeadEventV1({
  type: 'LeadLinkedAsDuplicate',
  data: LeadLinkedAsDuplicateV1Data,
  description:
    "The lead repeats an earlier one and was accepted anyway (the rule's action is accept-and-link), linked to the original. Its life goes on as any lead's; at most one link per lead.",
  examples: [
    leadExample(
      'LeadLinkedAsDuplicate',
      {
        name: 'linked-by-email-and-name-postcode',
        summary:
          'The repeat matched on email and on name and postcode; the rule accepts and links.',
        eventId: '5c1e8a3d-9f2b-4d7c-8e4a-1b6f3d9c5e27',
        occurredAt: '2026-11-27T14:12:05.031Z',
        causationId: '6a2d8f4c-1b7e-4c9a-8d3f-2e5b7a9c1d46',
      },
      {
        leadId: EXAMPLE_IDS.repeatedLead,
        duplicateOf: {
          originalLeadId: EXAMPLE_IDS.lead,
          ruleId: 'same-person-all-time',
          matchedOn: ['email', 'name-postcode'],
        },
      },
    ),
  ],
});

/** A parsed `LeadRejected` v1 event. */
export type LeadRejectedV1 = IntegrationEventOf<typeof leadRejectedV1>;
/** A parsed `LeadLinkedAsDuplicate` v1 event. */
export type LeadLinkedAsDuplicateV1 = IntegrationEventOf<typeof leadLinkedAsDuplicateV1>;
