import { type Kafka, Partitioners, type Producer } from 'kafkajs';
import type { MessagePublisher, OutboundMessage } from './outbound-message';

/**
 * An idempotent kafkajs producer: acks from all in-sync replicas, one request
 * in flight so a retried request cannot overtake the next (order per key).
 * Idempotence removes duplicates within one producer session only; after a
 * restart consumers de-duplicate by event id.
 */
export class KafkaMessagePublisher implements MessagePublisher {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async publish(messages: readonly OutboundMessage[]): Promise<void> {
    if (messages.length === 0) {
      return;
    }
    this.connected ??= this.producer.connect();
    await this.connected;
    const byTopic = new Map<string, OutboundMessage[]>();
    for (const message of messages) {
      byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, batch]) => ({
        topic,
        messages: batch.map(({ key, value, headers }) => ({ key, value, headers })),
      })),
    });
  }

  async close(): Promise<void> {
    if (this.connected) {
      await this.producer.disconnect();
    }
  }
}
