import { IntegrationEventOf, IsUtcTimestamp } from '@leadrail/integration-events';
import { IsIn, IsInt, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsRoutedLeadId } from './rules/is-routed-lead-id';
import { ROUTING_EXAMPLE_IDS, defineRoutingEventV1, routingExample } from './routing-event';

/** Why routing stopped trying a lead. */
export const ABANDON_REASONS_V1 = ['max-age-reached'] as const;

/** The data of `LeadRoutingAbandoned` v1. */
export class LeadRoutingAbandonedV1Data {
  @IsRoutedLeadId()
  leadId!: string;

  @JSONSchema({
    description:
      'max-age-reached: the lead stayed unroutable until it was older than the retry age routing was configured with.',
  })
  @IsIn(ABANDON_REASONS_V1)
  reason!: (typeof ABANDON_REASONS_V1)[number];

  @JSONSchema({ description: 'When the leads service recorded the lead: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  leadRecordedAt!: string;

  @JSONSchema({ description: 'The retry age in force (ROUTING_RETRY_MAX_AGE_MINUTES).' })
  @IsInt()
  @Min(1)
  maxAgeMinutes!: number;

  @JSONSchema({ description: 'When routing gave up: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  abandonedAt!: string;
}

/** `LeadRoutingAbandoned` v1. */
export const leadRoutingAbandonedV1 = defineRoutingEventV1({
  type: 'LeadRoutingAbandoned',
  data: LeadRoutingAbandonedV1Data,
  description:
    "The lead's final routing outcome when no partner took it: routing retried it whenever partners, funds or the time of day changed, and stops now that it is older than the configured age. Nothing routes it after this.",
  examples: [
    routingExample(
      'LeadRoutingAbandoned',
      {
        name: 'abandoned-after-a-day',
        summary: 'Unroutable for a day: nobody bought this type in that area while it was fresh.',
        eventId: '1f3b5d7a-9c2e-4b6d-8f0a-3c5e7b9d1f62',
        occurredAt: '2026-11-26T09:00:04.000Z',
        causationId: '6b0e2a4c-8d1f-4e3a-9c5b-7f2d4e6a8c01',
      },
      {
        leadId: ROUTING_EXAMPLE_IDS.lead,
        reason: 'max-age-reached',
        leadRecordedAt: '2026-11-25T09:00:00.000Z',
        maxAgeMinutes: 1440,
        abandonedAt: '2026-11-26T09:00:04.000Z',
      },
    ),
  ],
});

/** A parsed `LeadRoutingAbandoned` v1 event. */
export type LeadRoutingAbandonedV1 = IntegrationEventOf<typeof leadRoutingAbandonedV1>;
