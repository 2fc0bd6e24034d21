import { Kafka, Partitioners, logLevel, type Message } from 'kafkajs';
import { testEnvironment } from './test-environment';

/**
 * A plain kafkajs client, as an internal service outside LeadRail would use:
 * tests publish through it, never through the code under test.
 */
export function plainKafka(): Kafka {
  return new Kafka({
    clientId: 'leadrail-tests',
    brokers: testEnvironment().kafkaBrokers.split(','),
    logLevel: logLevel.WARN,
  });
}

export async function ensureTopics(topics: readonly string[], numPartitions = 3): Promise<void> {
  const admin = plainKafka().admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions })),
        waitForLeaders: true,
      });
    }
  } finally {
    await admin.disconnect();
  }
}

export async function publish(topic: string, messages: Message[]): Promise<void> {
  const producer = plainKafka().producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}
