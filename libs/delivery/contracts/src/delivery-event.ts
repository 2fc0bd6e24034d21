import { IntegrationEventExample, v1EventsOn } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';
import { IsIn, IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** The envelope `source` of every event the delivery service publishes. */
export const DELIVERY_SOURCE = 'leadrail.delivery';

/** The ids the examples share, so they read as one lead's delivery. */
export const DELIVERY_EXAMPLE_IDS = {
  lead: '3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10',
  partner: '5d5b3ca9-467b-42e6-83f3-f0d8a37de243',
  delivery: '8e2c4a6f-1b3d-5f7a-9c2e-4b6d8f0a2c35',
  allocated: '2d4f6b8a-0c1e-4a3b-9d5f-7e9a1c3b5d08',
} as const;

/** The channels a lead reaches a partner by. */
export const DELIVERY_CHANNELS_V1 = ['email', 'internet'] as const;

/** What every delivery event's data has: the key, the partner, and the delivery's stable id. */
export abstract class DeliveryEventV1Data {
  @JSONSchema({ description: "The lead's id (UUID); also the Kafka message key." })
  @IsUUID()
  leadId!: string;

  @JSONSchema({ description: 'The partner the lead is delivered to (UUID).' })
  @IsUUID()
  partnerId!: string;

  @JSONSchema({
    description:
      'The delivery id: one per lead and partner (a UUID derived from both), sent on every attempt and redelivery so the partner can de-duplicate.',
  })
  @IsUUID()
  deliveryId!: string;
}

/** One of {@link DELIVERY_CHANNELS_V1}, with its rule. */
export function IsDeliveryChannel(options: { each?: boolean } = {}): PropertyDecorator {
  return IsIn(DELIVERY_CHANNELS_V1, { each: options.each ?? false });
}

/**
 * Declares v1 of a delivery event on `leadrail.delivery.v1`, keyed by
 * `data.leadId` so one lead's delivery events stay in order on one partition.
 */
export const defineDeliveryEventV1 = v1EventsOn<{ leadId: string }>(Topics.delivery, {
  description:
    "data.leadId, the lead's id (UUID): every delivery event of one lead goes to one partition, in order.",
  of: (data) => data.leadId,
});

/** Where an example sits in the example lead's delivery. */
export interface DeliveryExampleMeta {
  readonly name: string;
  readonly summary: string;
  readonly eventId: string;
  readonly occurredAt: string;
}

/** An example message as the delivery relay writes it, caused by the lead's allocation. */
export function deliveryExample<const TType extends string, const TData extends { leadId: string }>(
  type: TType,
  meta: DeliveryExampleMeta,
  data: TData,
): IntegrationEventExample<TType, 1, TData> {
  return {
    name: meta.name,
    summary: meta.summary,
    payload: {
      eventId: meta.eventId,
      type,
      version: 1,
      occurredAt: meta.occurredAt,
      correlationId: DELIVERY_EXAMPLE_IDS.allocated,
      causationId: DELIVERY_EXAMPLE_IDS.allocated,
      source: DELIVERY_SOURCE,
      data,
    },
  };
}
