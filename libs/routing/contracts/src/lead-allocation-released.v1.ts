import {
  IntegrationEventOf,
  IsUtcTimestamp,
  Money,
  NestedObject,
  Nullable,
} from '@leadrail/integration-events';
import { IsIn, IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsRoutedLeadId } from './rules/is-routed-lead-id';
import { ROUTING_EXAMPLE_IDS, defineRoutingEventV1, routingExample } from './routing-event';

/** Why an allocation was given back. */
export const RELEASE_REASONS_V1 = [
  'referral-declined',
  'referral-expired',
  'delivery-failed',
  'lead-returned',
] as const;

/** The data of `LeadAllocationReleased` v1. */
export class LeadAllocationReleasedV1Data {
  @IsRoutedLeadId()
  leadId!: string;

  @JSONSchema({ description: 'The partner whose allocation was given back (UUID).' })
  @IsUUID()
  partnerId!: string;

  @JSONSchema({ description: `Why: ${RELEASE_REASONS_V1.join(', ')}.` })
  @IsIn(RELEASE_REASONS_V1)
  reason!: (typeof RELEASE_REASONS_V1)[number];

  @JSONSchema({ description: 'When the release was recorded: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  releasedAt!: string;

  @Nullable(
    'The reservation given back to the partner, or null when none was open (no funds gate, or already charged).',
  )
  @NestedObject(() => Money)
  releasedReservation!: Money | null;
}

/** `LeadAllocationReleased` v1. */
export const leadAllocationReleasedV1 = defineRoutingEventV1({
  type: 'LeadAllocationReleased',
  data: LeadAllocationReleasedV1Data,
  description:
    "The partner's allocation of the lead was given back: its count for the allocation's local day and month and any open reservation. Routing then routes the lead to the next partner not tried yet (a LeadRouted or LeadUnroutable follows).",
  examples: [
    routingExample(
      'LeadAllocationReleased',
      {
        name: 'released-on-decline',
        summary: 'The partner declined the referral; its count and reservation are given back.',
        eventId: '5e8b1d3f-6a2c-4f9e-8d1b-3c5e7a9f1b48',
        occurredAt: '2026-11-25T09:05:00.300Z',
        causationId: '8b5d2f9a-1c6e-4a3b-8f7d-5e9a1c3e5b79',
      },
      {
        leadId: ROUTING_EXAMPLE_IDS.lead,
        partnerId: ROUTING_EXAMPLE_IDS.partner,
        reason: 'referral-declined',
        releasedAt: '2026-11-25T09:05:00.300Z',
        releasedReservation: { amount: 2500, currency: 'GBP' },
      },
    ),
  ],
});

/** A parsed `LeadAllocationReleased` v1 event. */
export type LeadAllocationReleasedV1 = IntegrationEventOf<typeof leadAllocationReleasedV1>;
