import type { InboundMessage } from '../consumer/inbound-message';

/** Headers a dead letter carries, besides the original message's own. */
export const DeadLetterHeaders = {
  reason: 'leadrail-dlq-reason',
  error: 'leadrail-dlq-error',
  originalTopic: 'leadrail-dlq-original-topic',
  originalPartition: 'leadrail-dlq-original-partition',
  originalOffset: 'leadrail-dlq-original-offset',
  failedAt: 'leadrail-dlq-failed-at',
  consumerGroup: 'leadrail-dlq-consumer-group',
  /** Set on a replayed message: the dead letter it came from (topic/partition/offset). */
  replayedFrom: 'leadrail-replayed-from',
} as const;

/** Why a message could not be consumed. */
export interface DeadLetter {
  message: InboundMessage;
  /** `invalid-json`, `invalid-envelope`, `unknown-event-type`, `invalid-data` or `processing-failed`. */
  reason: string;
  /** One readable line: what to fix. */
  error: string;
  failedAt: Date;
  consumerGroup: string;
}

/** Where dead letters go: `<topic>.dlq` on Kafka, or memory in the embedded mode. */
export interface DeadLetterSink {
  send(letter: DeadLetter): Promise<void>;
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Kafka headers are bytes: keep a dead letter's headers readable but bounded. */
export function deadLetterHeaders(letter: DeadLetter): Record<string, string> {
  return {
    ...letter.message.headers,
    [DeadLetterHeaders.reason]: letter.reason,
    [DeadLetterHeaders.error]: letter.error.slice(0, 2000),
    [DeadLetterHeaders.originalTopic]: letter.message.topic,
    [DeadLetterHeaders.originalPartition]: String(letter.message.partition),
    [DeadLetterHeaders.originalOffset]: letter.message.offset,
    [DeadLetterHeaders.failedAt]: letter.failedAt.toISOString(),
    [DeadLetterHeaders.consumerGroup]: letter.consumerGroup,
  };
}
