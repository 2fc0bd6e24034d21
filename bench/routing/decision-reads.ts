import { performance } from 'node:perf_hooks';
import { loadAggregate } from '@leadrail/event-store';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import {
  type PartnerLedgerState,
  partnerAllocationsStream,
  partnerLedgerAggregate,
} from '@leadrail/routing-domain';
import { Pool } from 'pg';

/** The service's event-store pool: pg's default of 10 connections. */
const POOL_SIZE = 10;

/** ms per way of reading every candidate's ledger for one decision, over `rounds` rounds each. */
export interface DecisionReads {
  /** As LeadRouter does: each ledger's whole stream read and folded, one after another. */
  oneByOne: number[];
  /** The same reads all at once (Promise.all over the pool). */
  together: number[];
  /** One query for every ledger's events, folded per stream: the round trips alone removed. */
  oneQuery: number[];
  /** The same query, its rows parsed but not folded: what the database and the transfer take. */
  oneQueryUnfolded: number[];
  /** Events read per decision. */
  events: number;
}

/**
 * Where a decision's time goes, timed alone on the same database after a run
 * (the service idle): reading the partner ledgers of every candidate, which
 * routing does for each lead before it decides, whichever partner it then
 * picks. Read through PostgresEventStore on routing's own log schema (read
 * only), as the service reads it, and with the round trips taken out.
 */
export async function timeDecisionReads(
  databaseUrl: string,
  partnerIds: readonly string[],
  rounds: number,
): Promise<DecisionReads> {
  const store = await PostgresEventStore.open({
    connectionString: databaseUrl,
    schema: 'routing_log',
    pool: { max: POOL_SIZE },
  });
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => undefined);
  const streams = partnerIds.map(partnerAllocationsStream);
  const result: DecisionReads = {
    oneByOne: [],
    together: [],
    oneQuery: [],
    oneQueryUnfolded: [],
    events: 0,
  };
  const timed = async (into: number[], work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    into.push(performance.now() - started);
  };
  try {
    for (let round = 0; round < rounds; round++) {
      await timed(result.oneByOne, async () => {
        for (const partnerId of partnerIds) {
          await loadAggregate(store, partnerLedgerAggregate, partnerId);
        }
      });
      await timed(result.together, () =>
        Promise.all(partnerIds.map((id) => loadAggregate(store, partnerLedgerAggregate, id))),
      );
      await timed(result.oneQueryUnfolded, () => readLedgers(pool, streams));
      await timed(result.oneQuery, async () => {
        const rows = await readLedgers(pool, streams);
        const states = new Map<string, PartnerLedgerState>();
        for (const row of rows) {
          const event = { type: row.type, data: row.data };
          if (partnerLedgerAggregate.isEvent(event)) {
            const state = states.get(row.stream_name) ?? partnerLedgerAggregate.initialState();
            states.set(row.stream_name, partnerLedgerAggregate.evolve(state, event));
          }
        }
        result.events = rows.length;
      });
    }
  } finally {
    await pool.end();
    await store.close();
  }
  return result;
}

/** Every event of `streams`, in stream and revision order, in one query. */
async function readLedgers(
  pool: Pool,
  streams: readonly string[],
): Promise<{ stream_name: string; type: string; data: unknown }[]> {
  const { rows } = await pool.query<{ stream_name: string; type: string; data: unknown }>({
    name: 'bench-ledgers',
    text: `SELECT stream_name, type, data, metadata FROM routing_log.events
            WHERE stream_name = ANY($1::text[]) ORDER BY stream_name, revision`,
    values: [streams],
  });
  return rows;
}
