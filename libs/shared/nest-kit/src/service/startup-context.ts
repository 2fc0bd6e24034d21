import pino from 'pino';
import { describeError } from '@leadrail/projections';
import type { ServiceConfig } from '../config/service-config';
import type { KafkaLogSink } from '../kafka/kafka-log-creator';
import type { RetryNotice } from './retry-with-backoff';

/**
 * What the waits of start-up share: the signal that ends them (SIGTERM before
 * the service is up) and where they say what they wait for.
 */
export interface StartupContext {
  readonly signal: AbortSignal;
  /** One warn line per retry, naming what is awaited and why it failed. */
  onRetry(notice: RetryNotice): void;
  /** Informational lines of start-up (e.g. topics created). */
  info(message: string, details?: Record<string, unknown>): void;
  /** For the lines of Kafka clients used before the application exists. */
  readonly kafkaLog: KafkaLogSink;
}

/**
 * A start-up context that logs straight to stdout as the service's JSON lines.
 * Nest's logger cannot be used: it buffers everything until the application
 * exists, which is after these waits, so an operator would see nothing while
 * the service waits for its database.
 */
export function createStartupContext(config: ServiceConfig, signal?: AbortSignal): StartupContext {
  const root = pino({ level: config.logging.level, base: { service: config.service } });
  const logger = root.child({ context: 'Startup' });
  const kafka = root.child({ context: 'Kafka' });
  return {
    signal: signal ?? new AbortController().signal,
    onRetry: (notice) =>
      logger.warn(
        { attempt: notice.attempt, retryInMs: notice.delayMs },
        `waiting for ${notice.what}: ${describeError(notice.error)}; retrying in ${seconds(notice.delayMs)}`,
      ),
    info: (message, details) => logger.info(details ?? {}, message),
    kafkaLog: {
      error: (message) => kafka.error(message),
      warn: (message) => kafka.warn(message),
      log: (message) => kafka.info(message),
      debug: (message) => kafka.debug(message),
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
