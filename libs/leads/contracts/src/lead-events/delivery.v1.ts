import { IntegrationEventOf, IsText, IsUtcTimestamp, Nullable } from '@leadrail/integration-events';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsLeadId } from './rules/is-lead-id';
import { IsLeadPartnerId } from './rules/is-partner-ref';
import { EXAMPLE_IDS, defineLeadEventV1, leadExample } from './lead-event';

// Whether the lead reached its partner.

/** The data of `LeadDelivered` v1. */
export class LeadDeliveredV1Data {
  @IsLeadId()
  leadId!: string;

  @IsLeadPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'When the partner received the lead: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  deliveredAt!: string;

  @Nullable(
    "The partner's own id for the lead, when its system answered one (1-200 characters); otherwise null.",
  )
  @IsText(200)
  partnerReference!: string | null;
}

/** `LeadDelivered` v1. */
export const leadDeliveredV1 = defineLeadEventV1({
  type: 'LeadDelivered',
  data: LeadDeliveredV1Data,
  description:
    'The lead reached its partner (by email or over the internet). Delivery is a billing point: a partner charged at delivery is charged now. Returns are counted from deliveredAt.',
  examples: [
    leadExample(
      'LeadDelivered',
      {
        name: 'delivered-with-crm-reference',
        summary: "The partner's CRM took the lead and answered with its own reference.",
        eventId: '6f1b4d8e-9a3c-4e7b-a2d5-7c9e1f3b5d02',
        occurredAt: '2026-11-25T09:12:43.500Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.partner,
        deliveredAt: '2026-11-25T09:12:43.500Z',
        partnerReference: 'NW-778812',
      },
    ),
  ],
});

/** The data of `LeadDeliveryFailed` v1. */
export class LeadDeliveryFailedV1Data {
  @IsLeadId()
  leadId!: string;

  @IsLeadPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'When delivery gave up: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  failedAt!: string;

  @JSONSchema({ description: 'Why delivery gave up, for operators (1-500 characters).' })
  @IsText(500)
  reason!: string;
}

/** `LeadDeliveryFailed` v1. */
export const leadDeliveryFailedV1 = defineLeadEventV1({
  type: 'LeadDeliveryFailed',
  data: LeadDeliveryFailedV1Data,
  description:
    'Delivery to the partner gave up after its retries; the lead goes back to routing. Nothing is charged.',
  examples: [
    leadExample(
      'LeadDeliveryFailed',
      {
        name: 'endpoint-kept-failing',
        summary: "The partner's endpoint answered 503 to every attempt.",
        eventId: '0e7c3a9f-5b1d-4f8c-9e2a-3b5d7f9a1c64',
        occurredAt: '2026-11-25T09:42:43.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.otherPartner,
        failedAt: '2026-11-25T09:42:43.000Z',
        reason: 'HTTP 503 from https://crm.example.net/leads on 5 attempts over 30 minutes',
      },
    ),
  ],
});

/** A parsed `LeadDelivered` v1 event. */
export type LeadDeliveredV1 = IntegrationEventOf<typeof leadDeliveredV1>;
/** A parsed `LeadDeliveryFailed` v1 event. */
export type LeadDeliveryFailedV1 = IntegrationEventOf<typeof leadDeliveryFailedV1>;
