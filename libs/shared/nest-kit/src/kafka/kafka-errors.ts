import { isTransientError, someInErrorChain } from '@leadrail/projections';

/**
 * kafkajs errors that are not retriable by kafkajs's own flag but are, for a
 * service that is starting: a wait that timed out (leaders, a lock) or a
 * coordinator that does not exist yet on a fresh broker.
 */
const TRANSIENT_NAMES = new Set([
  'KafkaJSTimeout',
  'KafkaJSLockTimeout',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSNoBrokerAvailableError',
]);

/**
 * True when a Kafka failure is the cluster not being there (yet): unreachable,
 * a topic or leader still being created, a coordinator still being elected.
 * kafkajs marks such errors `retriable`, often on a cause wrapped by
 * KafkaJSNumberOfRetriesExceeded or KafkaJSAggregateError, so the whole chain is
 * searched. Socket-level failures (ECONNREFUSED…) count too.
 */
export function isTransientKafkaError(error: unknown): boolean {
  return (
    someInErrorChain(error, (candidate) => {
      if (candidate.retriable === true) {
        return true;
      }
      return typeof candidate.name === 'string' && TRANSIENT_NAMES.has(candidate.name);
    }) || isTransientError(error)
  );
}

/** True when the broker said the topic exists (another service created it first). */
export function isTopicAlreadyExists(error: unknown): boolean {
  return someInErrorChain(error, (candidate) => candidate.type === 'TOPIC_ALREADY_EXISTS');
}
