import { IntegrationEventRegistry, parseIntegrationEvent } from '@leadrail/integration-events';
import type { DecodeResult, DecodedEvent, InboundMessage } from '@leadrail/messaging';

/** Parses one message against one topic's registry (e.g. parseIntegrationEvent bound to it). */
export type TopicParser = (raw: Buffer) => DecodeResult<DecodedEvent>;

export interface TopicContracts {
  parse: TopicParser;
  /**
   * A well-formed event of a type the registry lacks: `dead-letter` on public
   * intake topics (a publisher's mistake), `ignore` on internal topics (a newer
   * producer's event this service has no use for).
   */
  unknownTypes: 'dead-letter' | 'ignore';
}

// A topic with no contracts of the service's: its envelope is checked, every type is someone else's.
const NO_EVENTS = new IntegrationEventRegistry([]);

/**
 * A ServiceDefinition.decode from each subscribed topic's contracts. On an
 * internal topic the service lists no contracts for, a well-formed event is
 * skipped (the service handles none of its types) and only a malformed
 * message (not JSON, no valid envelope) is dead-lettered.
 */
export function decodeWithContracts(
  contracts: Readonly<Record<string, TopicContracts>>,
): (message: InboundMessage) => DecodeResult<DecodedEvent> {
  return (message) => {
    if (!message.value) {
      return { ok: false, reason: 'invalid-json', message: 'the message has no value' };
    }
    const topic = contracts[message.topic] ?? {
      parse: (raw: Buffer) => parseIntegrationEvent(raw, NO_EVENTS),
      unknownTypes: 'ignore',
    };
    const result = topic.parse(message.value);
    if (!result.ok && result.reason === 'unknown-event-type' && topic.unknownTypes === 'ignore') {
      return { ok: false, ignored: true, reason: result.reason, message: result.message };
    }
    return result;
  };
}
