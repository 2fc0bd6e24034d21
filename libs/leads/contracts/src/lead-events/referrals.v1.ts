import {
  IntegrationEventOf,
  IsText,
  IsUtcTimestamp,
  NestedObject,
  Nullable,
} from '@leadrail/integration-events';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsLeadId } from './rules/is-lead-id';
import { IsLeadPartnerId } from './rules/is-partner-ref';
import { LeadActor } from './values/lead-actor';
import { EXAMPLE_IDS, defineLeadEventV1, leadExample } from './lead-event';

// Routing's decisions and the partner's answer to a referral.

/** The data of `LeadAllocated` v1. */
export class LeadAllocatedV1Data {
  @IsLeadId()
  leadId!: string;

  @IsLeadPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'When the lead was allocated: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  allocatedAt!: string;
}

/** `LeadAllocated` v1. */
export const leadAllocatedV1 = defineLeadEventV1({
  type: 'LeadAllocated',
  data: LeadAllocatedV1Data,
  description:
    'Routing (or an operator) allocated the lead to a partner that takes it without a referral; delivery to it follows.',
  examples: [
    leadExample(
      'LeadAllocated',
      {
        name: 'allocated-by-routing',
        summary:
          'Routing allocates the mortgage lead to the other partner, which needs no referral.',
        eventId: '1d4b7e2a-8c5f-4a9d-b3e6-0f2c4a6e8b13',
        occurredAt: '2026-11-25T09:00:02.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.otherPartner,
        allocatedAt: '2026-11-25T09:00:02.000Z',
      },
    ),
  ],
});

/** The data of `LeadReferred` v1. */
export class LeadReferredV1Data {
  @IsLeadId()
  leadId!: string;

  @IsLeadPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'When the referral was offered: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  referredAt!: string;

  @JSONSchema({
    description:
      'Until when the partner may answer (exclusive): ISO 8601 UTC with Z. An answer at or after it is refused.',
  })
  @IsUtcTimestamp()
  expiresAt!: string;
}

/** `LeadReferred` v1. */
export const leadReferredV1 = defineLeadEventV1({
  type: 'LeadReferred',
  data: LeadReferredV1Data,
  description:
    'The lead was offered to a partner whose settings require accepting a referral first: it sees a redacted referral (lead type, area, answers) and must accept it before expiresAt.',
  examples: [
    leadExample(
      'LeadReferred',
      {
        name: 'referred-for-an-hour',
        summary: 'Routing offers the mortgage lead to the example partner for one hour.',
        eventId: '9f2c6a1e-3b8d-4e5f-a7c2-4d6e8f0a2b35',
        occurredAt: '2026-11-25T09:00:02.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.partner,
        referredAt: '2026-11-25T09:00:02.000Z',
        expiresAt: '2026-11-25T10:00:02.000Z',
      },
    ),
  ],
});

/** The data of `ReferralAccepted` v1. */
export class ReferralAcceptedV1Data {
  @IsLeadId()
  leadId!: string;

  @IsLeadPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'When the referral was accepted: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  acceptedAt!: string;

  @JSONSchema({ description: 'Who accepted: the partner itself, or an operator for it.' })
  @NestedObject(() => LeadActor)
  acceptedBy!: LeadActor;
}

/** `ReferralAccepted` v1. */
export const referralAcceptedV1 = defineLeadEventV1({
  type: 'ReferralAccepted',
  data: ReferralAcceptedV1Data,
  description:
    'The partner accepted the referral: the lead is allocated to it and the full lead is released for delivery. Accepting reaches the accepted billing point.',
  examples: [
    leadExample(
      'ReferralAccepted',
      {
        name: 'accepted-in-portal',
        summary: 'The partner accepts the referral from its portal twelve minutes later.',
        eventId: '3e8a1c5f-7d2b-4f6a-9c4e-8b0d2f4a6c57',
        occurredAt: '2026-11-25T09:12:40.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.partner,
        acceptedAt: '2026-11-25T09:12:40.000Z',
        acceptedBy: { type: 'partner', id: EXAMPLE_IDS.partner },
      },
    ),
  ],
});

/** The data of `ReferralDeclined` v1. */
export class ReferralDeclinedV1Data {
  @IsLeadId()
  leadId!: string;

  @IsLeadPartnerId()
  partnerId!: string;

  @JSONSchema({ description: 'When the referral was declined: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  declinedAt!: string;

  @JSONSchema({ description: 'Who declined: the partner itself, or an operator for it.' })
  @NestedObject(() => LeadActor)
  declinedBy!: LeadActor;

  @Nullable("The partner's reason (1-500 characters), or null when it gave none.")
  @IsText(500)
  reason!: string | null;
}

/** `ReferralDeclined` v1. */
export const referralDeclinedV1 = defineLeadEventV1({
  type: 'ReferralDeclined',
  data: ReferralDeclinedV1Data,
  description: 'The partner declined the referral; the lead goes back to routing.',
  examples: [
    leadExample(
      'ReferralDeclined',
      {
        name: 'declined-out-of-area',
        summary: 'The partner declines: it does not cover the area.',
        eventId: '8b5d2f9a-1c6e-4a3b-8f7d-5e9a1c3e5b79',
        occurredAt: '2026-11-25T09:05:00.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.partner,
        declinedAt: '2026-11-25T09:05:00.000Z',
        declinedBy: { type: 'partner', id: EXAMPLE_IDS.partner },
        reason: 'We do not cover Greater Manchester this month.',
      },
    ),
  ],
});

/** The data of `ReferralExpired` v1. */
export class ReferralExpiredV1Data {
  @IsLeadId()
  leadId!: string;

  @IsLeadPartnerId()
  partnerId!: string;

  @JSONSchema({
    description: 'When the expiry was recorded (at or after expiresAt): ISO 8601 UTC with Z.',
  })
  @IsUtcTimestamp()
  expiredAt!: string;
}

/** `ReferralExpired` v1. */
export const referralExpiredV1 = defineLeadEventV1({
  type: 'ReferralExpired',
  data: ReferralExpiredV1Data,
  description: 'The partner did not answer the referral in time; the lead goes back to routing.',
  examples: [
    leadExample(
      'ReferralExpired',
      {
        name: 'expired-after-an-hour',
        summary: 'Nobody answered within the hour; the timer expires the referral.',
        eventId: '4a9e3b7c-2d5f-4c8a-b1e3-6f8a0c2e4d91',
        occurredAt: '2026-11-25T10:00:02.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.partner,
        expiredAt: '2026-11-25T10:00:02.000Z',
      },
    ),
  ],
});

/** A parsed `LeadAllocated` v1 event. */
export type LeadAllocatedV1 = IntegrationEventOf<typeof leadAllocatedV1>;
/** A parsed `LeadReferred` v1 event. */
export type LeadReferredV1 = IntegrationEventOf<typeof leadReferredV1>;
/** A parsed `ReferralAccepted` v1 event. */
export type ReferralAcceptedV1 = IntegrationEventOf<typeof referralAcceptedV1>;
/** A parsed `ReferralDeclined` v1 event. */
export type ReferralDeclinedV1 = IntegrationEventOf<typeof referralDeclinedV1>;
/** A parsed `ReferralExpired` v1 event. */
export type ReferralExpiredV1 = IntegrationEventOf<typeof referralExpiredV1>;
