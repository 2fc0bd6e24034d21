import { IntegrationEventExample, v1EventsOn } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';

/** The envelope `source` of every event the routing service publishes. */
export const ROUTING_SOURCE = 'leadrail.routing';

/** The ids the examples share, so they read as one lead's routing history. */
export const ROUTING_EXAMPLE_IDS = {
  lead: '3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10',
  partner: '5d5b3ca9-467b-42e6-83f3-f0d8a37de243',
  otherPartner: '9a1f3c5e-7b2d-4e6f-8a0c-1d3e5f7a9b2c',
  recordedEvent: '6b0e2a4c-8d1f-4e3a-9c5b-7f2d4e6a8c01',
} as const;

/** What every routing event's data has: the key. */
export interface RoutingEventData {
  leadId: string;
}

/**
 * Declares v1 of a routing event on `leadrail.routing.v1`, keyed by
 * `data.leadId` so one lead's routing events stay in order on one partition.
 */
export const defineRoutingEventV1 = v1EventsOn<RoutingEventData>(Topics.routing, {
  description:
    "data.leadId, the lead's id (UUID, lower case): every routing event of one lead goes to one partition, in order.",
  of: (data) => data.leadId,
});

/** Where an example sits in the example lead's routing history. */
export interface RoutingExampleMeta {
  readonly name: string;
  readonly summary: string;
  readonly eventId: string;
  readonly occurredAt: string;
  /** The consumed event that caused it. */
  readonly causationId: string;
}

/** An example message as the routing relay writes it. */
export function routingExample<const TType extends string, const TData extends RoutingEventData>(
  type: TType,
  meta: RoutingExampleMeta,
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
      correlationId: meta.causationId,
      causationId: meta.causationId,
      source: ROUTING_SOURCE,
      data,
    },
  };
}
