/**
 * A relay in a process of its own, for the crash test:
 *   node -r @swc-node/register run-relay.fixture.ts <database-url> <brokers> <topic>
 * Relays every `order-*` stream to <topic> until killed or sent SIGTERM.
 */
import 'reflect-metadata';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import { ProjectionRunner } from '@leadrail/projections';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { integrationMessage } from '../relay/integration-message';
import { KafkaMessagePublisher } from '../relay/kafka-message-publisher';
import { RelayProjection } from '../relay/relay-projection';

async function main(): Promise<void> {
  const [url, brokers, topic] = process.argv.slice(2);
  if (!url || !brokers || !topic) {
    throw new Error('usage: run-relay.fixture.ts <database-url> <brokers> <topic>');
  }
  const store = await PostgresEventStore.open({ connectionString: url });
  const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  await dataSource.query('CREATE SCHEMA IF NOT EXISTS relay_test');
  const publisher = new KafkaMessagePublisher(
    new Kafka({ clientId: 'relay-fixture', brokers: brokers.split(','), logLevel: logLevel.WARN }),
  );
  const relay = new RelayProjection(
    {
      name: 'orders',
      filter: { streamNamePrefixes: ['order-'] },
      toMessage: (event) => integrationMessage(event, { topic, source: 'leadrail.tests' }),
    },
    publisher,
  );
  const runner = new ProjectionRunner(store, dataSource, relay, {
    schema: 'relay_test',
    batchSize: 100,
    retry: { attempts: Number.POSITIVE_INFINITY, initialDelayMs: 100, maxDelayMs: 2_000 },
  });
  await runner.start();
  process.once('SIGTERM', () => {
    void runner
      .stop()
      .then(() => publisher.close())
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
