/**
 * PostgreSQL event store benchmark: `npm run bench:event-store`.
 * Uses DATABASE_URL if set (a database `leadrail_bench` is created on that
 * server), else starts embedded PostgreSQL. Prints each figure beside its raw
 * baseline: plain INSERTs (or SELECTs) on a table of the events table's shape,
 * same server, same concurrency, in alternating rounds of the same run.
 *
 * BENCH_ROUNDS (6) and BENCH_ROUND_SECONDS (1) set the rounds of each append
 * figure, BENCH_CATCH_UP_EVENTS (1,000,000) the least number of events read
 * back, and BENCH_LAG_SECONDS (10) the subscription lag run.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NewEvent } from '@leadrail/event-store';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import { downLocalStack, upLocalStack } from '@leadrail/local-infra';
import { Client } from 'pg';
import {
  compare,
  describeLatencies,
  format,
  inParallel,
  openModel,
  runFor,
  timed,
} from './measure';
import { RawTable } from './raw-table';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 1);
const CATCH_UP_EVENTS = Number(process.env.BENCH_CATCH_UP_EVENTS ?? 1_000_000);
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 10);
const LAG_RATE = 1_000;
const POOL_SIZE = 16;

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
  const store = await PostgresEventStore.open({ connectionString: url, pool: { max: POOL_SIZE } });
  const raw = await RawTable.create(url, 'event_store.events', POOL_SIZE);
  try {
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${describeLoad()}`,
    );
    console.log(`server: ${await serverDescription(url)}`);
    console.log(
      'The benchmark, the server and whatever else runs here share these cores: each append figure and\n' +
        `its raw baseline run in ${ROUNDS} alternating rounds so that noise falls on both ("rounds": the range\n` +
        'of the per-round ratios). Raw: plain INSERTs (multi-row VALUES for batches) into a table of the\n' +
        "events table's shape (columns, indexes), same server, client library, pool and concurrency; for\n" +
        'catch-up, plain keyset-paged SELECTs of it. "client": CPU time of this process per event, store/raw.\n',
    );

    const single = (writers: number) =>
      compare(
        `append 1 event per call, ${writers} writer${writers === 1 ? '' : 's'}`,
        ROUNDS,
        () =>
          runFor(ROUND_SECONDS, writers, (w, i) =>
            store.appendToStream(`single${writers}-${w}-${i % 100}`, events(1)).then(() => 1),
          ),
        () =>
          runFor(ROUND_SECONDS, writers, (w, i) =>
            raw.insertOne(`single${writers}-${w}-${i % 100}`, events(1)[0]!),
          ),
      );
    const batches = (size: number, writers: number) =>
      compare(
        `append batches of ${size}, ${writers} writer${writers === 1 ? '' : 's'}`,
        ROUNDS,
        () =>
          runFor(ROUND_SECONDS, writers, (w, i) =>
            store.appendToStream(`batch${writers}-${w}-${i}`, events(size)).then(() => size),
          ),
        () =>
          runFor(ROUND_SECONDS, writers, (w, i) =>
            raw.insertBatch(`batch${writers}-${w}-${i}`, events(size)),
          ),
      );
    await single(1);
    await single(8);
    await batches(100, 1);
    await batches(100, 8);

    await batches(1000, 8);

    // Both logs grow to at least CATCH_UP_EVENTS for the catch-up figures (not timed).
    const topUp = async (
      existing: number,
      append: (i: number) => Promise<unknown>,
    ): Promise<void> =>
      inParallel(8, Math.ceil(Math.max(0, CATCH_UP_EVENTS - existing) / 1000), (i) =>
        append(i).then(() => undefined),
      );
    await topUp(await countEvents(url), (i) => store.appendToStream(`seed-${i}`, events(1000)));
    await topUp(await raw.count(), (i) => raw.insertBatch(`seed-${i}`, events(1000)));

    const total = await countEvents(url);
    const rawRead = () => timed(() => raw.readAll(5_000));
    await compare(
      `catch-up: readAll pages of 5000, ${format(total)} events`,
      1,
      () =>
        timed(async () => {
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
        }),
      rawRead,
    );
    await compare(
      `catch-up: subscribeToAll from the start`,
      1,
      () =>
        timed(async () => {
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
        }),
      rawRead,
    );

    console.log('');
    const other = await PostgresEventStore.open({ connectionString: url, pool: { max: 4 } });
    try {
      await subscriptionLag(store, other, LAG_RATE, LAG_SECONDS, 'another store (process)');
      await subscriptionLag(store, store, LAG_RATE, LAG_SECONDS / 2, 'the appending store');
      // Sparse appends: nothing else wakes the subscriber but the store's NOTIFY.
      await subscriptionLag(store, other, 10, LAG_SECONDS / 2, 'another store (process)');
    } finally {
      await other.close();
    }
    const rawLatencies: number[] = [];
    await openModel(LAG_RATE, LAG_SECONDS / 2, async (i, due) => {
      await raw.insertOne(`lag-raw-${i % 100}`, events(1)[0]!);
      rawLatencies.push(performance.now() - due);
    });
    console.log(
      `${`raw: single-row INSERT latency at ${format(LAG_RATE)}/s`.padEnd(48)} ${describeLatencies(rawLatencies)}`,
    );

    console.log(
      `\nmemory: rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB; load average ${describeLoad()}`,
    );
  } finally {
    await raw.close();
    await store.close();
    await downLocalStack(stateDir, true);
  }
}

/**
 * A subscriber of `reader` while `writer` appends single events at `rate`
 * per second (an open model: each append starts when due, whether or not
 * earlier ones have finished): time from when an append was due to its
 * delivery, and the appends' own latency.
 */
async function subscriptionLag(
  writer: PostgresEventStore,
  reader: PostgresEventStore,
  rate: number,
  seconds: number,
  where: string,
): Promise<void> {
  const prefix = `lag${randomUUID().slice(0, 8)}-`;
  const start = (await writer.appendToStream(`${prefix}start`, events(1))).position;
  const subscription = reader.subscribeToAll({
    after: start,
    filter: { streamNamePrefixes: [prefix] },
  });
  const due = new Map<string, number>();
  const lags: number[] = [];
  const appendLatencies: number[] = [];
  const [marker] = events(1);
  let markerSeen!: () => void;
  const live = new Promise<void>((resolve) => (markerSeen = resolve));
  const expected = Math.round(rate * seconds);
  const consumer = (async () => {
    for await (const event of subscription) {
      if (event.id === marker!.id) {
        markerSeen();
      }
      const at = due.get(event.id);
      if (at !== undefined) {
        lags.push(performance.now() - at);
        if (lags.length === expected) {
          return;
        }
      }
    }
  })();
  // The subscriber is live once it has delivered an event appended after it started.
  await writer.appendToStream(`${prefix}marker`, [marker!]);
  await live;
  await openModel(rate, seconds, async (i, at) => {
    const batch = events(1);
    due.set(batch[0]!.id, at);
    await writer.appendToStream(`${prefix}${i % 100}`, batch);
    appendLatencies.push(performance.now() - at);
  });
  await Promise.race([consumer, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  await subscription.unsubscribe();
  console.log(
    `${`subscription lag at ${format(rate)} appends/s, ${seconds} s`.padEnd(48)} ${describeLatencies(lags)}` +
      ` (${format(lags.length)} of ${format(expected)} events; subscriber in ${where})`,
  );
  console.log(`${'  append latency meanwhile'.padEnd(48)} ${describeLatencies(appendLatencies)}`);
}

function describeLoad(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
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
  const { rows } = await client.query<Record<string, string>>(
    `SELECT version() AS version, current_setting('fsync') AS fsync,
            current_setting('synchronous_commit') AS synchronous_commit,
            current_setting('shared_buffers') AS shared_buffers,
            current_setting('commit_delay') AS commit_delay`,
  );
  await client.end();
  const row = rows[0]!;
  return `${row.version!.split(' on ')[0]}, fsync=${row.fsync}, synchronous_commit=${row.synchronous_commit}, shared_buffers=${row.shared_buffers}, commit_delay=${row.commit_delay}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
