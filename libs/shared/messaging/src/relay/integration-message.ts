import type { RecordedEvent } from '@leadrail/event-store';
import { parseStreamName } from '@leadrail/event-store';
import type { OutboundMessage } from './outbound-message';

/**
 * The envelope every LeadRail integration event travels in, built from a
 * recorded event: its id becomes the event id consumers de-duplicate by, and
 * the stream's id (the aggregate's) becomes the key that keeps its order.
 */
export function integrationMessage(
  event: RecordedEvent,
  options: { topic: string; source: string; version?: number },
): OutboundMessage {
  const { id: aggregateId } = parseStreamName(event.streamName);
  return {
    topic: options.topic,
    key: aggregateId,
    value: JSON.stringify({
      eventId: event.id,
      type: event.type,
      version: options.version ?? 1,
      occurredAt: event.metadata.occurredAt,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      source: options.source,
      data: event.data,
    }),
    headers: { 'leadrail-event-type': event.type, 'leadrail-event-id': event.id },
  };
}
