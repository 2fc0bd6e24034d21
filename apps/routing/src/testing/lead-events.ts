import { randomUUID } from 'node:crypto';
import { type IntegrationEventJson, parseIntegrationEvent } from '@leadrail/integration-events';
import {
  leadDeliveryFailedV1,
  leadsRegistry,
  referralDeclinedV1,
  referralExpiredV1,
} from '@leadrail/leads-contracts';

/** An event as a relay publishes it: the envelope, `data` as recorded. */
export type PublishedEvent = IntegrationEventJson<string, number, Record<string, unknown>>;

/** The leads service's events that make routing give an allocation back and route again. */
export type RerouteCauseType = 'ReferralDeclined' | 'ReferralExpired' | 'LeadDeliveryFailed';

/**
 * A decline, an expiry or a final delivery failure of `partnerId`'s referral
 * or delivery of the lead, as the leads relay publishes it: its contract's
 * first example with the ids and instants of this test, checked against the
 * leads contracts.
 */
export function rerouteCause(
  type: RerouteCauseType,
  leadId: string,
  partnerId: string,
): PublishedEvent {
  const now = new Date().toISOString();
  const eventId = randomUUID();
  const envelope = (example: IntegrationEventJson, data: object): PublishedEvent => ({
    ...example,
    eventId,
    correlationId: eventId,
    causationId: eventId,
    occurredAt: now,
    data: { ...example.data, ...data, leadId, partnerId },
  });
  let event: PublishedEvent;
  switch (type) {
    case 'ReferralDeclined':
      event = envelope(referralDeclinedV1.examples[0]!.payload, {
        declinedAt: now,
        declinedBy: { type: 'partner', id: partnerId },
      });
      break;
    case 'ReferralExpired':
      event = envelope(referralExpiredV1.examples[0]!.payload, { expiredAt: now });
      break;
    case 'LeadDeliveryFailed':
      event = envelope(leadDeliveryFailedV1.examples[0]!.payload, { failedAt: now });
      break;
  }
  const parsed = parseIntegrationEvent(JSON.stringify(event), leadsRegistry);
  if (!parsed.ok) {
    throw new Error(`${type} breaks the leads contract: ${JSON.stringify(parsed)}`);
  }
  return event;
}
