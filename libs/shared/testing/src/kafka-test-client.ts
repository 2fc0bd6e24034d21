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

/** A consumed message's JSON value, for assertions. */
export function payloadOf(message: { value: Buffer | null }): {
  id?: string;
  [field: string]: unknown;
} {
  // Other test files publish to the same topics, not always JSON: those read as empty.
  try {
    return message.value ? (JSON.parse(message.value.toString()) as { id?: string }) : {};
  } catch {
    return {};
  }
}

/** A message read back from a topic, headers as strings. */
export interface ReadBackMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/**
 * Reads a topic from the beginning (a fresh consumer group) until `found`
 * accepts a message, and returns it; fails after timeoutMs.
 */
export async function findMessage(
  topic: string,
  found: (message: ReadBackMessage) => boolean,
  timeoutMs = 20_000,
): Promise<ReadBackMessage> {
  const consumer = plainKafka().consumer({ groupId: `test-reader-${Date.now()}-${Math.random()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<ReadBackMessage>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching message on ${topic} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      void consumer
        .run({
          eachMessage: ({ partition, message }) => {
            const read: ReadBackMessage = {
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value,
              headers: Object.fromEntries(
                Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
              ),
            };
            if (found(read)) {
              clearTimeout(timer);
              resolve(read);
            }
            return Promise.resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}
