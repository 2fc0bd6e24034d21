import { Logger } from '@nestjs/common';
import { type Admin, Kafka, type ITopicMetadata, logLevel } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Topic, TopicConfig } from '@leadrail/topics';
import { ServiceConfig } from '../config/service-config';
import { type RetryNotice, retryWithBackoff } from '../service/retry-with-backoff';
import { isTopicAlreadyExists, isTransientKafkaError } from './kafka-errors';
import { type KafkaLogSink, kafkaLogCreator } from './kafka-log-creator';

/** How ensureSubscribedTopics waits: it retries transient failures until they pass (or `signal` aborts). */
export interface EnsureTopicsOptions {
  /** Stops waiting (SIGTERM during start-up). */
  signal?: AbortSignal;
  /** Told before each retry of a transient failure. */
  onRetry?: (notice: RetryNotice) => void;
  /** Where the admin client's own lines go; default: Nest's logger. */
  logger?: KafkaLogSink;
  /** How long a created topic may take to get leaders before the attempt fails; default 30 s. */
  usableTimeoutMs?: number;
}

/**
 * Creates the topics that do not exist yet, so a service can be deployed
 * before the services that publish to it, and returns once every one of them
 * is usable: the broker's metadata lists it with a leader for each partition.
 *
 * Several services create the same topics at once on an empty broker, so
 * losing that race is normal: a topic another creator made first counts as
 * existing, and it is waited for like our own (the broker may not host it
 * yet; a consumer subscribing now would fail). Existing topics are left
 * exactly as operators configured them. Returns the topics this call created.
 */
export async function ensureSubscribedTopics(
  config: ServiceConfig,
  topics: readonly string[],
  options: EnsureTopicsOptions = {},
): Promise<string[]> {
  const wanted = [...new Set(topics)];
  const kafka = new Kafka({
    clientId: `${config.kafka.clientId}-admin`,
    brokers: config.kafka.brokers,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(options.logger ?? new Logger('KafkaTopics')),
    retry: { retries: 3 },
  });
  return retryWithBackoff(
    async () => {
      const admin = kafka.admin();
      try {
        await admin.connect();
        const created = await createMissing(admin, wanted, config.kafka.topicDefaults);
        await waitUntilUsable(admin, wanted, options);
        return created;
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
    {
      what: `Kafka topics on ${config.kafka.brokers.join(',')}`,
      isTransient: isTransientKafkaError,
      onRetry: options.onRetry ?? (() => undefined),
      signal: options.signal,
    },
  );
}

/** One request per topic, so that "already exists" is known per topic and never fails the others. */
async function createMissing(
  admin: Admin,
  wanted: readonly string[],
  defaults: { numPartitions: number; replicationFactor: number },
): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  const outcomes = await Promise.all(
    missing.map(async (topic) => {
      try {
        // false: another creator won the race; its topic is as good as ours.
        const config = TopicConfig[topic as Topic] ?? {};
        return await admin.createTopics({
          topics: [
            {
              topic,
              ...defaults,
              configEntries: Object.entries(config).map(([name, value]) => ({ name, value })),
            },
          ],
          waitForLeaders: false,
        });
      } catch (error) {
        if (isTopicAlreadyExists(error)) {
          return false;
        }
        throw error;
      }
    }),
  );
  return missing.filter((_, index) => outcomes[index]);
}

/**
 * Polls metadata until every topic has all its partitions led. kafkajs's own
 * `waitForLeaders` is skipped when a topic already existed, and it gives up on
 * "unknown topic", which is exactly what a just-created topic reports for a
 * moment.
 */
async function waitUntilUsable(
  admin: Admin,
  topics: readonly string[],
  options: EnsureTopicsOptions,
): Promise<void> {
  const timeoutMs = options.usableTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let problem = 'no metadata yet';
  while (Date.now() < deadline) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      const unusable = metadata.topics.map(whyUnusable).filter((reason) => reason !== undefined);
      if (unusable.length === 0 && metadata.topics.length === topics.length) {
        return;
      }
      problem = unusable.join('; ') || 'some topics are missing from the metadata';
    } catch (error) {
      if (!isTransientKafkaError(error)) {
        throw error;
      }
      problem = error instanceof Error ? error.message : String(error);
    }
    await sleep(200, undefined, { signal: options.signal });
  }
  const error = new Error(`topics not usable after ${timeoutMs} ms: ${problem}`);
  // Still transient: the caller's retry loop tries again (and says so).
  throw Object.assign(error, { retriable: true });
}

function whyUnusable(topic: ITopicMetadata): string | undefined {
  if (topic.partitions.length === 0) {
    return `${topic.name} has no partitions yet`;
  }
  const leaderless = topic.partitions.filter(
    (partition) => partition.leader < 0 || partition.partitionErrorCode !== 0,
  );
  return leaderless.length > 0
    ? `${topic.name} partitions ${leaderless.map((p) => p.partitionId).join(',')} have no leader`
    : undefined;
}
