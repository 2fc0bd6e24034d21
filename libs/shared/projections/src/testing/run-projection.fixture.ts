/**
 * A projection in a process of its own, for the crash test:
 *   node -r @swc-node/register run-projection.fixture.ts <database-url> <schema> <until-position> [batch-delay-ms]
 * Exits 0 once every event up to <until-position> is applied.
 */
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import { DataSource } from 'typeorm';
import { ProjectionRunner } from '../projection-runner';
import { StreamActivityProjection } from './stream-activity.projection';

async function main(): Promise<void> {
  const [url, schema, until, delayMs] = process.argv.slice(2);
  if (!url || !schema || !until) {
    throw new Error(
      'usage: run-projection.fixture.ts <database-url> <schema> <until-position> [batch-delay-ms]',
    );
  }
  const store = await PostgresEventStore.open({ connectionString: url });
  const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  const projection = new StreamActivityProjection(schema);
  await projection.createTables(dataSource);
  // Slows each event down so the test can kill the process mid-run.
  const slowed = Object.assign(Object.create(projection) as StreamActivityProjection, {
    apply: async (...args: Parameters<StreamActivityProjection['apply']>) => {
      await sleep(Number(delayMs ?? 0));
      return projection.apply(...args);
    },
  });
  const runner = new ProjectionRunner(store, dataSource, slowed, { schema, batchSize: 50 });
  await runner.start();
  await runner.waitFor(BigInt(until));
  await runner.stop();
  await dataSource.destroy();
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
