import { IntegrationEventOf, IsText, IsUtcTimestamp, Nullable } from '@leadrail/integration-events';
import { ArrayMinSize, IsArray, IsBoolean, IsInt, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  DELIVERY_CHANNELS_V1,
  DELIVERY_EXAMPLE_IDS,
  DeliveryEventV1Data,
  IsDeliveryChannel,
  defineDeliveryEventV1,
  deliveryExample,
} from './delivery-event';

// A delivery's final outcome: exactly one of these per delivery (and one more
// DeliverySucceeded per operator redelivery, marked as such).

/** The data of `DeliverySucceeded` v1. */
export class DeliverySucceededV1Data extends DeliveryEventV1Data {
  @JSONSchema({
    description: `The channels that delivered the lead (${DELIVERY_CHANNELS_V1.join(', ')}).`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsDeliveryChannel({ each: true })
  channels!: readonly ('email' | 'internet')[];

  @Nullable("The partner's own id for the lead, captured from its response, or null.")
  @IsText(200)
  partnerReference!: string | null;

  @JSONSchema({ description: 'When the partner accepted the lead: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  deliveredAt!: string;

  @JSONSchema({ description: 'Attempts made, over all channels.' })
  @IsInt()
  @Min(1)
  attempts!: number;

  @JSONSchema({
    description:
      'true when an operator redelivered a lead the partner had already: nothing more is charged (billing charges once per lead and partner anyway).',
  })
  @IsBoolean()
  redelivery!: boolean;
}

/** `DeliverySucceeded` v1. */
export const deliverySucceededV1 = defineDeliveryEventV1({
  type: 'DeliverySucceeded',
  data: DeliverySucceededV1Data,
  description:
    'The partner has the lead: its API accepted it (by its outcome rules) or, for a partner taking leads by email only, the mail server accepted the message. The leads service records the delivery; billing charges at the delivery billing point.',
  examples: [
    deliveryExample(
      'DeliverySucceeded',
      {
        name: 'accepted-on-second-attempt',
        summary: 'Accepted after a 503; the partner answered with its reference.',
        eventId: '6c8e0a2d-4f6b-4c8e-9a2d-4f6b8c0e2a35',
        occurredAt: '2026-11-25T09:01:30.800Z',
      },
      {
        leadId: DELIVERY_EXAMPLE_IDS.lead,
        partnerId: DELIVERY_EXAMPLE_IDS.partner,
        deliveryId: DELIVERY_EXAMPLE_IDS.delivery,
        channels: ['internet'],
        partnerReference: 'ACME-778812',
        deliveredAt: '2026-11-25T09:01:30.800Z',
        attempts: 2,
        redelivery: false,
      },
    ),
  ],
});

/** The data of `DeliveryRejected` v1. */
export class DeliveryRejectedV1Data extends DeliveryEventV1Data {
  @JSONSchema({
    description:
      'Why the partner refused the lead: its rejection reason captured from the response, or the rule or status that meant rejection (no personal data).',
  })
  @IsText(500)
  reason!: string;

  @Nullable("The partner's own id for the lead, if its response had one, or null.")
  @IsText(200)
  partnerReference!: string | null;

  @JSONSchema({ description: 'When the partner refused it: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  rejectedAt!: string;

  @JSONSchema({ description: 'Attempts made, over all channels.' })
  @IsInt()
  @Min(1)
  attempts!: number;
}

/** `DeliveryRejected` v1. */
export const deliveryRejectedV1 = defineDeliveryEventV1({
  type: 'DeliveryRejected',
  data: DeliveryRejectedV1Data,
  description:
    'The partner refused the lead (its outcome rules, a 4xx, a SOAP client fault): final, not retried. The leads service records a failed delivery, which routing follows by giving the allocation back and routing the lead to the next partner.',
  examples: [
    deliveryExample(
      'DeliveryRejected',
      {
        name: 'rejected-in-a-200',
        summary: 'HTTP 200 whose body said the partner already had this person.',
        eventId: '8e0a2c4f-6b8d-4e0a-8c4f-6b8d0e2a4c57',
        occurredAt: '2026-11-25T09:01:00.500Z',
      },
      {
        leadId: DELIVERY_EXAMPLE_IDS.lead,
        partnerId: DELIVERY_EXAMPLE_IDS.partner,
        deliveryId: DELIVERY_EXAMPLE_IDS.delivery,
        reason: 'duplicate applicant',
        partnerReference: null,
        rejectedAt: '2026-11-25T09:01:00.500Z',
        attempts: 1,
      },
    ),
  ],
});

/** The data of `DeliveryFailed` v1. */
export class DeliveryFailedV1Data extends DeliveryEventV1Data {
  @JSONSchema({ description: 'What the last attempt ran into (no personal data).' })
  @IsText(500)
  reason!: string;

  @JSONSchema({ description: 'When delivery gave up: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  failedAt!: string;

  @JSONSchema({ description: 'Attempts made, over all channels.' })
  @IsInt()
  @Min(1)
  attempts!: number;
}

/** `DeliveryFailed` v1. */
export const deliveryFailedV1 = defineDeliveryEventV1({
  type: 'DeliveryFailed',
  data: DeliveryFailedV1Data,
  description:
    'Every attempt ran into trouble (timeouts, network errors, 5xx, 429) and none are left: final. The leads service records a failed delivery, which routing follows by routing the lead to the next partner.',
  examples: [
    deliveryExample(
      'DeliveryFailed',
      {
        name: 'gave-up-after-retries',
        summary: "The partner's API timed out on every attempt.",
        eventId: '0a2c4e6b-8d0f-4a2c-9e6b-8d0f2a4c6e79',
        occurredAt: '2026-11-25T09:40:00.000Z',
      },
      {
        leadId: DELIVERY_EXAMPLE_IDS.lead,
        partnerId: DELIVERY_EXAMPLE_IDS.partner,
        deliveryId: DELIVERY_EXAMPLE_IDS.delivery,
        reason: 'no answer within 10000 ms',
        failedAt: '2026-11-25T09:40:00.000Z',
        attempts: 6,
      },
    ),
  ],
});

/** Parsed final outcomes. */
export type DeliverySucceededV1 = IntegrationEventOf<typeof deliverySucceededV1>;
export type DeliveryRejectedV1 = IntegrationEventOf<typeof deliveryRejectedV1>;
export type DeliveryFailedV1 = IntegrationEventOf<typeof deliveryFailedV1>;
