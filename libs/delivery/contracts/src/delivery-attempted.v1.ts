import { IntegrationEventOf, IsText, IsUtcTimestamp, Nullable } from '@leadrail/integration-events';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  DELIVERY_EXAMPLE_IDS,
  DeliveryEventV1Data,
  IsDeliveryChannel,
  defineDeliveryEventV1,
  deliveryExample,
} from './delivery-event';

/** What one attempt came to. */
export const ATTEMPT_OUTCOMES_V1 = ['accepted', 'rejected', 'error'] as const;

/** The data of `DeliveryAttempted` v1. */
export class DeliveryAttemptedV1Data extends DeliveryEventV1Data {
  @JSONSchema({ description: 'email or internet.' })
  @IsDeliveryChannel()
  channel!: 'email' | 'internet';

  @JSONSchema({ description: "The attempt's number for this channel, from 1." })
  @IsInt()
  @Min(1)
  attempt!: number;

  @JSONSchema({ description: 'When the request started: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  startedAt!: string;

  @JSONSchema({ description: 'How long until the answer (or the failure), in milliseconds.' })
  @IsInt()
  @Min(0)
  durationMs!: number;

  @JSONSchema({
    description:
      'accepted (the partner took the lead), rejected (the partner refused it: not retried) or error (transport, timeout or server trouble: retried while attempts remain).',
  })
  @IsIn(ATTEMPT_OUTCOMES_V1)
  outcome!: (typeof ATTEMPT_OUTCOMES_V1)[number];

  @Nullable("The partner's HTTP status, or null for email and for requests that got no answer.")
  @IsInt()
  @Min(100)
  @Max(599)
  httpStatus!: number | null;

  @Nullable(
    'Why the attempt was not accepted, in words for operators (no personal data), or null when accepted.',
  )
  @IsText(500)
  reason!: string | null;

  @Nullable('When the next attempt is due (error with attempts left), else null.')
  @IsUtcTimestamp()
  nextAttemptAt!: string | null;
}

/** `DeliveryAttempted` v1. */
export const deliveryAttemptedV1 = defineDeliveryEventV1({
  type: 'DeliveryAttempted',
  data: DeliveryAttemptedV1Data,
  description:
    "One attempt to deliver a lead by one channel, as it happened: the outcome, the partner's status and when the next attempt is due. The request and response themselves stay in the delivery service's attempt log (GET /deliveries/…), which holds personal data.",
  examples: [
    deliveryExample(
      'DeliveryAttempted',
      {
        name: 'server-error-retried',
        summary: "The partner's API answered 503; the next attempt is due in 30 seconds.",
        eventId: '4a6c8e0b-2d4f-4a6b-8c0e-2f4a6c8e0b13',
        occurredAt: '2026-11-25T09:01:00.450Z',
      },
      {
        leadId: DELIVERY_EXAMPLE_IDS.lead,
        partnerId: DELIVERY_EXAMPLE_IDS.partner,
        deliveryId: DELIVERY_EXAMPLE_IDS.delivery,
        channel: 'internet',
        attempt: 1,
        startedAt: '2026-11-25T09:01:00.120Z',
        durationMs: 330,
        outcome: 'error',
        httpStatus: 503,
        reason: 'HTTP 503 from the partner',
        nextAttemptAt: '2026-11-25T09:01:30.450Z',
      },
    ),
  ],
});

/** A parsed `DeliveryAttempted` v1 event. */
export type DeliveryAttemptedV1 = IntegrationEventOf<typeof deliveryAttemptedV1>;
