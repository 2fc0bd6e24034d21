import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitUntil } from '@leadrail/local-infra';
import { type Kafka, type Message, Partitioners } from 'kafkajs';
import { saleMessages } from './billing-setup';

/** The broker alone, given the same burst as billing. */
export interface KafkaBurst {
  messages: number;
  /** Messages acknowledged per second (acks=all), first send to last acknowledgement. */
  produced: number;
  /** Messages consumed per second, first send to last message received. */
  consumed: number;
  lost: number;
}

/**
 * What lies under billing's consumption, on the same broker in the same run:
 * the same burst (`count` leads' `LeadRouted` and `LeadDelivered`, the same
 * JSON, `chunk` leads per send, acks=all, one send after another) produced
 * to a topic of its own with LeadRail's 6 partitions, consumed by a kafkajs
 * consumer group that does nothing with a message, 4 partitions at a time
 * (as billing's `KAFKA_PARTITIONS_CONCURRENTLY=4`). No LeadRail code in the
 * way.
 */
export async function kafkaBurst(
  kafka: Kafka,
  name: string,
  count: number,
  chunk: number,
): Promise<KafkaBurst> {
  const topic = `bench.${name}-${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: topic, maxWaitTimeInMs: 100 });
  const expected = count * 2;
  let received = 0;
  let lastReceived = 0;
  let allReceived!: () => void;
  const done = new Promise<void>((resolve) => (allReceived = resolve));
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    });
    await consumer.run({
      partitionsConsumedConcurrently: 4,
      eachMessage: () => {
        received++;
        lastReceived = performance.now();
        if (received === expected) {
          allReceived();
        }
        return Promise.resolve();
      },
    });
    await joined;
    // The first message (not counted): the topic's metadata fetched and the consumer fetching.
    await producer.send({ topic, acks: -1, messages: [{ key: 'warm-up', value: '{}' }] });
    await waitUntil(async () => Promise.resolve(received > 0), {
      what: `the first message back from ${topic}`,
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    received = 0;
    const started = performance.now();
    for (let from = 0; from < count; from += chunk) {
      const messages: Message[] = [];
      for (let index = from; index < Math.min(count, from + chunk); index++) {
        const sale = saleMessages(randomUUID(), randomUUID());
        messages.push(sale.routed, sale.delivered);
      }
      await producer.send({ topic, acks: -1, messages });
    }
    const acked = performance.now();
    await Promise.race([done, sleep(60_000)]);
    return {
      messages: expected,
      produced: expected / ((acked - started) / 1000),
      consumed: received / ((lastReceived - started) / 1000),
      lost: expected - received,
    };
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await cleanup.disconnect();
  }
}
