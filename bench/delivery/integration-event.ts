import { randomUUID } from 'node:crypto';

/**
 * An integration event as LeadRail's relays publish it (the envelope of
 * docs/events.md, as JSON): version 1, its own id as correlation and
 * causation.
 */
export function integrationEvent(
  source: string,
  type: string,
  data: object,
  options: { eventId?: string; occurredAt?: string } = {},
): string {
  const eventId = options.eventId ?? randomUUID();
  return JSON.stringify({
    eventId,
    type,
    version: 1,
    occurredAt: options.occurredAt ?? new Date().toISOString(),
    correlationId: eventId,
    causationId: eventId,
    source,
    data,
  });
}
