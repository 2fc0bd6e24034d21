import { randomBytes } from 'node:crypto';
import { plainKafka, testEnvironment } from '@leadrail/testing';
import { loadServiceConfig } from '../config/service-config';
import { ensureSubscribedTopics } from './ensure-topics';

const config = loadServiceConfig('ensure-topics-test', {
  DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
  KAFKA_BROKERS: testEnvironment().kafkaBrokers,
  KAFKA_TOPIC_PARTITIONS: '4',
});

/** kafkajs's own lines are not what these tests look at. */
const quiet = {
  logger: {
    error: () => undefined,
    warn: () => undefined,
    log: () => undefined,
    debug: () => undefined,
  },
};

function freshTopics(count: number): string[] {
  const run = randomBytes(4).toString('hex');
  return Array.from({ length: count }, (_, index) => `leadrail.test.ensure-${run}-${index}.v1`);
}

describe(ensureSubscribedTopics.name, () => {
  it('lets six services race to create the same topics: each topic is created once, and usable for all', async () => {
    const topics = freshTopics(8);
    const created = await Promise.all(
      Array.from({ length: 6 }, () => ensureSubscribedTopics(config, topics, quiet)),
    );

    expect(created.flat().sort()).toEqual([...topics].sort());
    const admin = plainKafka().admin();
    await admin.connect();
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      for (const topic of metadata) {
        expect(topic.partitions).toHaveLength(4);
        expect(topic.partitions.every((partition) => partition.leader >= 0)).toBe(true);
      }
    } finally {
      await admin.disconnect();
    }
  });

  it('leaves an existing topic as it is and reports only what it created', async () => {
    const [existing, missing] = freshTopics(2) as [string, string];
    const admin = plainKafka().admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic: existing, numPartitions: 1 }] });

      expect(await ensureSubscribedTopics(config, [existing, missing, existing], quiet)).toEqual([
        missing,
      ]);
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [existing] });
      expect(metadata[0]?.partitions).toHaveLength(1);
    } finally {
      await admin.disconnect();
    }
  });

  it('a consumer subscribes right after it returns, however many creators raced', async () => {
    const topics = freshTopics(3);
    await Promise.all([1, 2, 3].map(() => ensureSubscribedTopics(config, topics, quiet)));
    const consumer = plainKafka().consumer({
      groupId: `ensure-topics-test-${randomBytes(4).toString('hex')}`,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    try {
      await expect(consumer.subscribe({ topics })).resolves.toBeUndefined();
    } finally {
      await consumer.disconnect();
    }
  });
});
