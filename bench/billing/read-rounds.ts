import type { AccountState } from '@leadrail/billing-domain';
import type { PostgresEventStore } from '@leadrail/event-store-postgres';
import type { Pool } from 'pg';
import { type Pass, foldAll, foldStreamByStream, plainSelect, readAllOnly } from './rebuild';
import { printPass } from './report';

/** Every way of reading the log, `rounds` passes each, and the balances the fold gave. */
export interface Reads {
  /** Plain keyset-paged SELECTs of the log table: the raw read. */
  select: Pass[];
  /** PostgresEventStore.readAll over the account streams, nothing folded. */
  readAll: Pass[];
  /** The same pass, each event folded with accountAggregate.evolve: the rebuild. */
  fold: Pass[];
  /** The fold's evolve alone (the events in memory): its share of the fold. */
  evolve: Pass[];
  /** loadAggregate for every account, one after another. */
  byStream: Pass[];
  /** The fold's state per stream (`account-<partnerId>`), from its last round. */
  states: Map<string, AccountState>;
}

/**
 * `rounds` rounds of the four reads; each round starts with the next one
 * (a rotation), so that whatever else the machine does falls on all of them.
 */
export async function readRounds(
  store: PostgresEventStore,
  pool: Pool,
  partnerIds: readonly string[],
  rounds: number,
): Promise<Reads> {
  const reads: Reads = {
    select: [],
    readAll: [],
    fold: [],
    evolve: [],
    byStream: [],
    states: new Map(),
  };
  const ways: (() => Promise<void>)[] = [
    async () => void reads.select.push(await plainSelect(pool)),
    async () => void reads.readAll.push(await readAllOnly(store)),
    async () => {
      const { states, evolveSeconds, ...pass } = await foldAll(store);
      reads.fold.push(pass);
      reads.evolve.push({ events: pass.events, seconds: evolveSeconds });
      reads.states = states;
    },
    async () => void reads.byStream.push(await foldStreamByStream(store, partnerIds)),
  ];
  for (let round = 0; round < rounds; round++) {
    for (let way = 0; way < ways.length; way++) {
      await ways[(round + way) % ways.length]!();
    }
  }
  return reads;
}

export function printReads(reads: Reads): void {
  printPass('  raw: plain SELECT, pages of 5000', reads.select);
  printPass('  event store readAll, pages of 5000', reads.readAll, ['the raw read', reads.select]);
  printPass('  fold: readAll + evolve, every account', reads.fold, ['readAll', reads.readAll]);
  printPass('    of which evolve alone (in memory)', reads.evolve);
  printPass('  fold stream by stream (loadAggregate)', reads.byStream, ['readAll', reads.readAll]);
}
