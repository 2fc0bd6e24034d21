import {
  IntegrationEventOf,
  IsText,
  IsUtcTimestamp,
  NestedObject,
} from '@leadrail/integration-events';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsLeadId } from './rules/is-lead-id';
import { IsLeadPartnerId } from './rules/is-partner-ref';
import { LeadActor } from './values/lead-actor';
import { EXAMPLE_IDS, defineLeadEventV1, leadExample } from './lead-event';

// A partner handing a delivered lead back, and the operator's decision.

/** The data of `ReturnRequested` v1. */
export class ReturnRequestedV1Data {
  @IsLeadId()
  leadId!: string;

  @IsLeadPartnerId()
  partnerId!: string;

  @JSONSchema({ description: "The partner's reason for returning the lead (1-500 characters)." })
  @IsText(500)
  reason!: string;

  @JSONSchema({ description: 'When the partner asked: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  requestedAt!: string;

  @JSONSchema({
    description:
      'When the return window closed or closes (delivery + the window in whole days of 24 h): ISO 8601 UTC with Z.',
  })
  @IsUtcTimestamp()
  windowEndsAt!: string;
}

/** `ReturnRequested` v1. */
export const returnRequestedV1 = defineLeadEventV1({
  type: 'ReturnRequested',
  data: ReturnRequestedV1Data,
  description:
    'The partner the lead was delivered to asked, within its return window, to hand it back; an operator decides (ReturnAccepted or ReturnDeclined).',
  examples: [
    leadExample(
      'ReturnRequested',
      {
        name: 'wrong-number',
        summary: 'The partner asks to return the lead: the number rings out and the email bounces.',
        eventId: '5e2a8c4f-3b9d-4a1e-b7c5-2d4f6a8c0e37',
        occurredAt: '2026-11-27T10:00:00.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.partner,
        reason: 'Phone number not in service and email bounced.',
        requestedAt: '2026-11-27T10:00:00.000Z',
        windowEndsAt: '2026-12-02T09:12:43.500Z',
      },
    ),
  ],
});

/** The data of `ReturnAccepted` v1. */
export class ReturnAcceptedV1Data {
  @IsLeadId()
  leadId!: string;

  @IsLeadPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'When the return was accepted: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  acceptedAt!: string;

  @JSONSchema({ description: 'The operator who accepted it.' })
  @NestedObject(() => LeadActor)
  acceptedBy!: LeadActor;
}

/** `ReturnAccepted` v1. */
export const returnAcceptedV1 = defineLeadEventV1({
  type: 'ReturnAccepted',
  data: ReturnAcceptedV1Data,
  description:
    "An operator accepted the partner's return: the lead is returned (final), and billing reverses what the partner was charged for it.",
  examples: [
    leadExample(
      'ReturnAccepted',
      {
        name: 'return-accepted',
        summary: 'An operator checks the bounce and accepts the return.',
        eventId: '8c4e1a7d-6f2b-4e9c-a3d8-5f7b9d1e3a52',
        occurredAt: '2026-11-27T15:30:00.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.partner,
        acceptedAt: '2026-11-27T15:30:00.000Z',
        acceptedBy: { type: 'operator', id: EXAMPLE_IDS.operator },
      },
    ),
  ],
});

/** The data of `ReturnDeclined` v1. */
export class ReturnDeclinedV1Data {
  @IsLeadId()
  leadId!: string;

  @IsLeadPartnerId()
  partnerId!: string;

  @JSONSchema({ description: "The operator's reason, told to the partner (1-500 characters)." })
  @IsText(500)
  reason!: string;

  @JSONSchema({ description: 'When the return was declined: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  declinedAt!: string;

  @JSONSchema({ description: 'The operator who declined it.' })
  @NestedObject(() => LeadActor)
  declinedBy!: LeadActor;
}

/** `ReturnDeclined` v1. */
export const returnDeclinedV1 = defineLeadEventV1({
  type: 'ReturnDeclined',
  data: ReturnDeclinedV1Data,
  description: "An operator declined the partner's return: the lead stays delivered and charged.",
  examples: [
    leadExample(
      'ReturnDeclined',
      {
        name: 'return-declined',
        summary: 'An operator declines: the person answered a call from the operator.',
        eventId: '1f6b3d9a-4c8e-4d2a-9b7f-6a8c0e2a4c73',
        occurredAt: '2026-11-27T15:30:00.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.partner,
        reason: 'We reached the applicant on the number given; please call during the day.',
        declinedAt: '2026-11-27T15:30:00.000Z',
        declinedBy: { type: 'operator', id: EXAMPLE_IDS.operator },
      },
    ),
  ],
});

/** A parsed `ReturnRequested` v1 event. */
export type ReturnRequestedV1 = IntegrationEventOf<typeof returnRequestedV1>;
/** A parsed `ReturnAccepted` v1 event. */
export type ReturnAcceptedV1 = IntegrationEventOf<typeof returnAcceptedV1>;
/** A parsed `ReturnDeclined` v1 event. */
export type ReturnDeclinedV1 = IntegrationEventOf<typeof returnDeclinedV1>;
