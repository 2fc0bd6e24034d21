import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { isTransientError } from '@leadrail/projections';
import type { ServiceConfig } from '../config/service-config';
import { isTransientKafkaError } from '../kafka/kafka-errors';
import { retryWithBackoff } from './retry-with-backoff';
import type { StartupContext } from './startup-context';

const PROBE_TIMEOUT_MS = 3_000;

/**
 * Waits until PostgreSQL answers a query and the Kafka cluster answers a
 * metadata request, logging one warn line per retry, for as long as it takes
 * (or until the context's signal ends the wait). Only then is the application
 * built, so that nothing inside it has to survive a missing dependency.
 * A dependency that refuses us (bad password, unknown database) fails at once.
 */
export async function waitForDependencies(
  config: ServiceConfig,
  startup: StartupContext,
): Promise<void> {
  await Promise.all([waitForPostgres(config, startup), waitForKafka(config, startup)]);
}

async function waitForPostgres(config: ServiceConfig, startup: StartupContext): Promise<void> {
  const url = new URL(config.database.url);
  await retryWithBackoff(
    async () => {
      const client = new Client({
        connectionString: config.database.url,
        connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      });
      // A client that failed to connect still emits 'error' later; unhandled, that would crash us.
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    {
      what: `PostgreSQL at ${url.host}`,
      isTransient: isTransientError,
      onRetry: (notice) => startup.onRetry(notice),
      signal: startup.signal,
    },
  );
}

async function waitForKafka(config: ServiceConfig, startup: StartupContext): Promise<void> {
  // Our own retries, our own log line: the client itself neither retries nor logs.
  const kafka = new Kafka({
    clientId: `${config.kafka.clientId}-probe`,
    brokers: config.kafka.brokers,
    connectionTimeout: PROBE_TIMEOUT_MS,
    requestTimeout: PROBE_TIMEOUT_MS,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  await retryWithBackoff(
    async () => {
      const admin = kafka.admin();
      try {
        await admin.connect();
        await admin.describeCluster();
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
    {
      what: `Kafka at ${config.kafka.brokers.join(',')}`,
      isTransient: isTransientKafkaError,
      onRetry: (notice) => startup.onRetry(notice),
      signal: startup.signal,
    },
  );
}
