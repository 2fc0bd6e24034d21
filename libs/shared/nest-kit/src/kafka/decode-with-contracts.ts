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

/** A ServiceDefinition.decode from each subscribed topic's contracts. */
export function decodeWithContracts(
  contracts: Readonly<Record<string, TopicContracts>>,
): (message: InboundMessage) => DecodeResult<DecodedEvent> {
  return (message) => {
    const topic = contracts[message.topic];
    if (!topic) {
      return {
        ok: false,
        reason: 'unknown-event-type',
        message: `no contracts for messages on ${message.topic}`,
      };
    }
    if (!message.value) {
      return { ok: false, reason: 'invalid-json', message: 'the message has no value' };
    }
    const result = topic.parse(message.value);
    if (!result.ok && result.reason === 'unknown-event-type' && topic.unknownTypes === 'ignore') {
      return { ok: false, ignored: true, reason: result.reason, message: result.message };
    }
    return result;
  };
}
