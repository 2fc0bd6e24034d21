import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ACCOUNT_STREAM_CATEGORY,
  type AccountEvent,
  type AccountState,
  type AccountTerms,
  accountAggregate,
  accountStream,
  decideAccount,
} from '@leadrail/billing-domain';
import { type NewEvent, loadAggregate } from '@leadrail/event-store';
import type { PostgresEventStore } from '@leadrail/event-store-postgres';
import type { Pool } from 'pg';
import { inParallel } from '../event-store/measure';
import { type BillingLog, LEDGER_PROJECTION } from './billing-log';
import { LEAD_VALUE } from './billing-setup';
import type { ServiceProcess } from './service-process';

/** Pages of the global log, as the event-store benchmark's catch-up reads it. */
const PAGE = 5_000;
const ACCOUNTS = { streamNamePrefixes: [`${ACCOUNT_STREAM_CATEGORY}-`] };

/** A pass over the log: events read (and folded), and how long it took. */
export interface Pass {
  events: number;
  seconds: number;
}

/** Every account's balance from the log: one pass over `readAll`, each event folded with the domain's evolve. */
export async function foldAll(
  store: PostgresEventStore,
): Promise<Pass & { states: Map<string, AccountState>; evolveSeconds: number }> {
  const states = new Map<string, AccountState>();
  const started = performance.now();
  let events = 0;
  let evolving = 0;
  for (let after: bigint | undefined; ;) {
    const page = await store.readAll({ after, maxCount: PAGE, filter: ACCOUNTS });
    if (page.length === 0) {
      break;
    }
    const folding = performance.now();
    for (const { streamName, type, data } of page) {
      const event = { type, data };
      if (accountAggregate.isEvent(event)) {
        const state = states.get(streamName) ?? accountAggregate.initialState();
        states.set(streamName, accountAggregate.evolve(state, event));
        events++;
      }
    }
    evolving += performance.now() - folding;
    after = page.at(-1)!.position;
  }
  return {
    events,
    seconds: (performance.now() - started) / 1000,
    states,
    evolveSeconds: evolving / 1000,
  };
}

/** The same `readAll` pass, nothing folded: what the event store's reads take. */
export async function readAllOnly(store: PostgresEventStore): Promise<Pass> {
  const started = performance.now();
  let events = 0;
  for (let after: bigint | undefined; ;) {
    const page = await store.readAll({ after, maxCount: PAGE, filter: ACCOUNTS });
    if (page.length === 0) {
      break;
    }
    events += page.length;
    after = page.at(-1)!.position;
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}

/**
 * The raw read under it: the same table in position order with plain
 * keyset-paged SELECTs of the same columns and page size (the event-store
 * benchmark's raw catch-up), rows parsed by the same client library.
 */
export async function plainSelect(pool: Pool): Promise<Pass> {
  const started = performance.now();
  let events = 0;
  for (let after = '0'; ;) {
    const { rows } = await pool.query<{ position: string }>({
      name: 'bench-billing-read-page',
      text: `SELECT position, event_id, stream_name, revision, type, data, metadata, recorded_at
               FROM billing_log.events WHERE position > $1 ORDER BY position LIMIT $2`,
      values: [after, PAGE],
    });
    if (rows.length === 0) {
      break;
    }
    events += rows.length;
    after = rows.at(-1)!.position;
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}

/** Every account loaded as the service loads one before a charge: its whole stream read, then folded, one after another. */
export async function foldStreamByStream(
  store: PostgresEventStore,
  partnerIds: readonly string[],
): Promise<Pass> {
  const started = performance.now();
  let events = 0;
  for (const partnerId of partnerIds) {
    const { revision } = await loadAggregate(store, accountAggregate, partnerId);
    events += revision === undefined ? 0 : Number(revision) + 1;
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}

/**
 * Grows the log by `events` charges in new accounts of `perStream` events
 * each, decided by the domain (decideAccount, then evolved: the events are
 * what billing appends, `balanceAfter` and versions included), appended
 * directly through PostgresEventStore in batches of 500, 4 streams at once.
 * Returns the new accounts' partner ids.
 */
export async function growLog(
  store: PostgresEventStore,
  events: number,
  perStream: number,
): Promise<string[]> {
  const partnerIds = Array.from({ length: Math.ceil(events / perStream) }, () => randomUUID());
  const terms: AccountTerms = {
    mode: 'post-pay',
    creditLimit: { amount: 1_000_000_000, currency: 'GBP' },
    lowFundsThreshold: { amount: 1000, currency: 'GBP' },
  };
  const metadata = {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: new Date().toISOString(),
    actor: { type: 'system' as const, id: 'billing' },
  };
  await inParallel(4, partnerIds.length, async (index) => {
    const partnerId = partnerIds[index]!;
    const length = Math.min(perStream, events - index * perStream);
    let state = accountAggregate.initialState();
    let batch: NewEvent[] = [];
    for (let n = 0; n < length; n++) {
      const decided: AccountEvent[] = decideAccount(
        {
          type: 'ChargeLead',
          data: {
            partnerId,
            terms,
            leadId: randomUUID(),
            amount: LEAD_VALUE,
            billingPoint: 'delivery',
          },
          at: new Date().toISOString(),
        },
        state,
      );
      for (const event of decided) {
        state = accountAggregate.evolve(state, event);
        batch.push({ id: randomUUID(), type: event.type, data: event.data, metadata });
      }
      if (batch.length >= 500 || n === length - 1) {
        await store.appendToStream(accountStream(partnerId), batch);
        batch = [];
      }
    }
  });
  return partnerIds;
}

/** The ledger projection replayed by the real service: what it took, and what it left. */
export interface Replay extends Pass {
  /** From the process's start to the projection's first log line (Nest, migrations, Kafka). */
  bootSeconds: number;
  service: ServiceProcess;
}

/**
 * Resets the ledger projection with the service stopped (as
 * ProjectionRunner.rebuild() does), starts the service again, and times its
 * ProjectionRunner from its "projection billing-ledger starting" log line
 * (pino's `time`) until the checkpoint reaches `target` (polled every 20 ms).
 */
export async function replayLedger(
  log: BillingLog,
  start: (onLogLine: (line: string) => void) => Promise<ServiceProcess>,
  target: bigint,
  events: number,
  timeoutSeconds: number,
): Promise<Replay> {
  await log.resetLedger();
  let startedAt: number | undefined;
  const spawnedAt = Date.now();
  const deadline = spawnedAt + timeoutSeconds * 1000;
  let abandoned = false;
  // Polled from the spawn on: a short replay may end before the service reports ready.
  const rebuilt = (async () => {
    while ((await log.checkpoint(LEDGER_PROJECTION)) < target) {
      if (abandoned || Date.now() > deadline) {
        throw new Error(
          `the ledger was not rebuilt to position ${target} within ${timeoutSeconds} s`,
        );
      }
      await sleep(20);
    }
    return Date.now();
  })();
  rebuilt.catch(() => undefined);
  let service: ServiceProcess;
  try {
    service = await start((line) => {
      if (startedAt === undefined && line.includes(`projection ${LEDGER_PROJECTION} starting`)) {
        startedAt = (JSON.parse(line) as { time: number }).time;
      }
    });
  } catch (error) {
    abandoned = true;
    throw error;
  }
  const doneAt = await rebuilt;
  if (startedAt === undefined) {
    throw new Error(`the service never logged "projection ${LEDGER_PROJECTION} starting"`);
  }
  return {
    events,
    seconds: (doneAt - startedAt) / 1000,
    bootSeconds: (startedAt - spawnedAt) / 1000,
    service,
  };
}
