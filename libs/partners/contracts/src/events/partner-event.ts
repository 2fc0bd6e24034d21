import { IntegrationEventExample, v1EventsOn } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';

/** The envelope `source` of every partner event. */
export const PARTNERS_SOURCE = 'leadrail.partners';

/** The partner all examples are about, so the examples read as one history. */
export const EXAMPLE_PARTNER_ID = '5d5b3ca9-467b-42e6-83f3-f0d8a37de243';

/** What every partner event's data has: the key. */
export interface PartnerEventData {
  partnerId: string;
}

/**
 * Declares v1 of a partner event on `leadrail.partners.v1`, keyed by
 * `data.partnerId` so one partner's events stay in order on one partition.
 */
export const definePartnerEventV1 = v1EventsOn<PartnerEventData>(Topics.partners, {
  description:
    "data.partnerId, the partner's id (UUID): every event of one partner goes to one partition, in order.",
  of: (data) => data.partnerId,
});

/** Where an example sits in the example partner's history. */
export interface PartnerExampleMeta {
  readonly name: string;
  readonly summary: string;
  readonly eventId: string;
  readonly occurredAt: string;
}

/**
 * An example message as the partners relay writes it. The correlation and
 * causation ids are the event id: the examples stand for commands from the API,
 * where the relay has no earlier message to point to.
 */
export function partnerExample<const TType extends string, const TData extends PartnerEventData>(
  type: TType,
  meta: PartnerExampleMeta,
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
      correlationId: meta.eventId,
      causationId: meta.eventId,
      source: PARTNERS_SOURCE,
      data,
    },
  };
}
