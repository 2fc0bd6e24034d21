import { Kafka, logLevel } from 'kafkajs';
import { ServiceConfig } from '../config/service-config';

/**
 * Creates the subscribed topics that do not exist yet, so a service can be
 * deployed before the services that publish to it. Existing topics are left
 * exactly as operators configured them. Returns the topics it created.
 */
export async function ensureSubscribedTopics(
  config: ServiceConfig,
  topics: readonly string[],
): Promise<string[]> {
  const admin = new Kafka({
    clientId: `${config.kafka.clientId}-admin`,
    brokers: config.kafka.brokers,
    logLevel: logLevel.WARN,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, ...config.kafka.topicDefaults })),
        waitForLeaders: true,
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
