import { waitUntil } from '@leadrail/local-infra';
import type { Kafka } from 'kafkajs';

/**
 * Waits until consumer group `groupId` has committed the end of every
 * partition of `topics` as they are now. A new group starts at the
 * beginning: on a broker other runs used (KAFKA_BROKERS), the topics' history
 * would otherwise be consumed during the measurements.
 */
export async function waitForConsumerGroup(
  kafka: Kafka,
  groupId: string,
  topics: readonly string[],
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
    await waitUntil(
      async () => {
        const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
        return topics.every((topic, index) => {
          const at = new Map(
            committed
              .find((entry) => entry.topic === topic)
              ?.partitions.map((p) => [p.partition, BigInt(p.offset)]),
          );
          return ends[index]!.every(
            (end) => BigInt(end.high) === 0n || (at.get(end.partition) ?? -1n) >= BigInt(end.high),
          );
        });
      },
      {
        what: `consumer group ${groupId} to consume ${topics.join(', ')} as they are`,
        timeoutMs: 600_000,
        intervalMs: 500,
      },
    );
  } finally {
    await admin.disconnect();
  }
}
