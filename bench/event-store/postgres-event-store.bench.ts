/**
 * PostgreSQL event store benchmark: `npm run bench:event-store`.
 * Uses DATABASE_URL if set (a database `leadrail_bench` is created on that
 * server), else starts embedded PostgreSQL. Prints one line per figure.
 */
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NewEvent } from '@leadrail/event-store';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import { downLocalStack, upLocalStack } from '@leadrail/local-infra';
import { Client } from 'pg';
import { inParallel, percentile, throughput } from './measure';

const CATCH_UP_EVENTS = Number(process.env.BENCH_CATCH_UP_EVENTS ?? 1_000_000);
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 10);
const metadata = {
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: new Date(0).toISOString(),
  actor: { type: 'system' as const, id: 'bench' },
};

/** A lead-sized event: about 300 bytes of JSON. */
function events(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type: 'LeadAllocated',
    data: {
      leadId: randomUUID(),
      partnerId: randomUUID(),
      value: { amount: 1250 + n, currency: 'GBP' },
      at: Date.now(),
    },
    metadata,
  }));
}

async function main(): Promise<void> {
  const workspaceRoot = resolve(__dirname, '../..');
  const stateDir = join(workspaceRoot, 'deploy', 'local', '.state', `bench-${process.pid}`);
  const stack = await upLocalStack({ workspaceRoot, stateDir, only: ['postgres'] });
  const url = await freshDatabase(stack.databaseUrl);
  const store = await PostgresEventStore.open({ connectionString: url, pool: { max: 16 } });
  try {
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    );
    console.log(`server: ${await serverDescription(url)}\n`);

    await throughput('append 1 event per call, 1 writer', async () => {
      await inParallel(1, 3_000, (i) =>
        store.appendToStream(`single1-${i % 100}`, events(1)).then(() => undefined),
      );
      return 3_000;
    });
    await throughput('append 1 event per call, 8 writers', async () => {
      await inParallel(8, 8_000, (i) =>
        store.appendToStream(`single8-${i % 800}`, events(1)).then(() => undefined),
      );
      return 8_000;
    });
    await throughput('append batches of 100, 1 writer', async () => {
      await inParallel(1, 300, (i) =>
        store.appendToStream(`batch1-${i}`, events(100)).then(() => undefined),
      );
      return 30_000;
    });
    await throughput('append batches of 100, 8 writers', async () => {
      await inParallel(8, 800, (i) =>
        store.appendToStream(`batch8-${i}`, events(100)).then(() => undefined),
      );
      return 80_000;
    });

    const existing = await countEvents(url);
    const toSeed = Math.max(0, CATCH_UP_EVENTS - existing);
    await throughput(`seed to ${CATCH_UP_EVENTS} events (batches of 1000, 8 writers)`, async () => {
      const batches = Math.ceil(toSeed / 1000);
      await inParallel(8, batches, (i) =>
        store.appendToStream(`seed-${i}`, events(1000)).then(() => undefined),
      );
      return batches * 1000;
    });
    await throughput('catch-up: readAll pages of 5000 from the start', async () => {
      let after: bigint | undefined;
      let read = 0;
      for (;;) {
        const page = await store.readAll({ after, maxCount: 5_000 });
        if (page.length === 0) {
          return read;
        }
        read += page.length;
        after = page.at(-1)!.position;
      }
    });
    const total = await countEvents(url);
    await throughput('catch-up: subscribeToAll from the start', async () => {
      const subscription = store.subscribeToAll();
      let read = 0;
      for await (const event of subscription) {
        read += event.revision >= 0n ? 1 : 0;
        if (read === total) {
          break;
        }
      }
      await subscription.unsubscribe();
      return read;
    });

    await subscriptionLag(store);
    console.log(`\nmemory: rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  } finally {
    await store.close();
    await downLocalStack(stateDir, true);
  }
}

/** Live subscriber under 4 writers appending as fast as they can: time from append to delivery. */
async function subscriptionLag(store: PostgresEventStore): Promise<void> {
  const end = (await store.appendToStream('lag-start', events(1))).position;
  const subscription = store.subscribeToAll({
    after: end,
    filter: { streamNamePrefixes: ['lag-'] },
  });
  const appendedAt = new Map<string, number>();
  const lags: number[] = [];
  let writing = true;
  const reader = (async () => {
    for await (const event of subscription) {
      const started = appendedAt.get(event.id);
      if (started !== undefined) {
        lags.push(performance.now() - started);
      }
      if (!writing && lags.length === appendedAt.size) {
        return;
      }
    }
  })();
  const deadline = performance.now() + LAG_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const batch = events(1);
        const started = performance.now();
        appendedAt.set(batch[0]!.id, started);
        await store.appendToStream(`lag-${w}-${i % 50}`, batch);
      }
    }),
  );
  writing = false;
  await store.appendToStream('lag-end', events(1));
  await reader;
  await subscription.unsubscribe();
  const sorted = [...lags].sort((a, b) => a - b);
  console.log(
    `subscription lag under load (4 writers, ${sorted.length} events in ${LAG_SECONDS} s): ` +
      `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, ` +
      `p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`,
  );
}

async function countEvents(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM event_store.events');
  await client.end();
  return Number(rows[0]!.count);
}

async function freshDatabase(serverUrl: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS leadrail_bench WITH (FORCE)');
  await client.query('CREATE DATABASE leadrail_bench');
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = '/leadrail_bench';
  return url.toString();
}

async function serverDescription(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ version: string; fsync: string; sync: string }>(
    "SELECT version() AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync",
  );
  await client.end();
  const row = rows[0]!;
  return `${row.version.split(' on ')[0]}, fsync=${row.fsync}, synchronous_commit=${row.sync}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
