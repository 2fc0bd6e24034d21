import { randomUUID } from 'node:crypto';
import { payloadOf, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import type { Consumer } from 'kafkajs';
import type { PublishedEvent } from './lead-events';

/** `leadrail.routing.v1` read from its beginning, for as long as the reader lives. */
export class RoutingTopicReader {
  private readonly byKey = new Map<string, PublishedEvent[]>();

  private constructor(private readonly consumer: Consumer) {}

  static async start(): Promise<RoutingTopicReader> {
    const consumer = plainKafka().consumer({ groupId: `test-routing-reader-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.routing, fromBeginning: true });
    const reader = new RoutingTopicReader(consumer);
    await consumer.run({
      eachMessage: ({ message }) => {
        const key = message.key?.toString();
        const event = payloadOf(message) as Partial<PublishedEvent>;
        // Other test files may publish to the topic too, not always JSON: those are skipped.
        if (key !== undefined && typeof event.type === 'string') {
          reader.byKey.set(key, [...(reader.byKey.get(key) ?? []), event as PublishedEvent]);
        }
        return Promise.resolve();
      },
    });
    return reader;
  }

  /** The events read so far with this key (a lead id), in order. */
  eventsOf(key: string): PublishedEvent[] {
    return this.byKey.get(key) ?? [];
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
