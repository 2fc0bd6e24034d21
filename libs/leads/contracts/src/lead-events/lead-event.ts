import { IntegrationEventExample, v1EventsOn } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';

/** The envelope `source` of every event the leads service publishes. */
export const LEADS_SOURCE = 'leadrail.leads';

/**
 * The ids all examples share, so the examples read as two leads' histories:
 * a mortgage lead that is delivered, and a repeat of it.
 */
export const EXAMPLE_IDS = {
  lead: '3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10',
  repeatedLead: 'b7e2c4d8-1a5f-4c3e-9d6b-0f8a2e4c6b19',
  introducer: 'c2a7e4d1-9b3f-4a6c-8e5d-1f0b7a9c3e62',
  partner: '5d5b3ca9-467b-42e6-83f3-f0d8a37de243',
  otherPartner: '9a1f3c5e-7b2d-4e6f-8a0c-1d3e5f7a9b2c',
  operator: 'operator-anna',
} as const;

/** What every lead event's data has: the key. */
export interface LeadEventData {
  leadId: string;
}

/**
 * Declares v1 of a lead event on `leadrail.leads.v1`, keyed by
 * `data.leadId` so one lead's events stay in order on one partition.
 */
export const defineLeadEventV1 = v1EventsOn<LeadEventData>(Topics.leads, {
  description:
    "data.leadId, the lead's id (UUID, lower case): every event of one lead goes to one partition, in order.",
  of: (data) => data.leadId,
});

/** Where an example sits in the example leads' histories. */
export interface LeadExampleMeta {
  readonly name: string;
  readonly summary: string;
  readonly eventId: string;
  readonly occurredAt: string;
  /** The message that caused it; the event's own id when a request started the flow. */
  readonly causationId?: string;
}

/**
 * An example message as the leads relay writes it: the envelope of the
 * recorded event, its data as the contract publishes it.
 */
export function leadExample<const TType extends string, const TData extends LeadEventData>(
  type: TType,
  meta: LeadExampleMeta,
  data: TData,
): IntegrationEventExample<TType, 1, TData> {
  const causationId = meta.causationId ?? meta.eventId;
  return {
    name: meta.name,
    summary: meta.summary,
    payload: {
      eventId: meta.eventId,
      type,
      version: 1,
      occurredAt: meta.occurredAt,
      correlationId: causationId,
      causationId,
      source: LEADS_SOURCE,
      data,
    },
  };
}
