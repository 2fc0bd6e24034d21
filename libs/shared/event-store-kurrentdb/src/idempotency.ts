import type { NewEvent, RecordedEvent } from '@leadrail/event-store';

/**
 * Idempotent appends by event id, on a server that only half provides them.
 *
 * EventStoreDB recognises a repeated append by itself only in two cases: with
 * an exact expected revision (or `no_stream`), when the events right after
 * that revision carry the same ids; and with `any`, from a bounded in-memory
 * cache of recent ids. A repeat after later writes with `any`, or a batch that
 * repeats only some recorded events, can be written twice.
 *
 * So before appending, the adapter reads the stream's latest events (a
 * bounded window, which is the whole stream for short ones) and compares ids:
 * all of the batch recorded, in order and contiguous: a repeat, answered with
 * the first result and no write; some of it: a conflict; none: a new append.
 *
 * The trade-off: one extra read per append, and ids are only compared within
 * the window (and within one stream, where PostgreSQL checks the whole log).
 * A retry whose original the window cuts in two is refused as a conflict; one
 * whose original lies wholly beyond it, or that races its original, falls back
 * to the server's checks above.
 */
export type RepeatCheck =
  | { kind: 'new' }
  | { kind: 'repeat'; last: RecordedEvent }
  | { kind: 'conflict'; eventIds: string[] };

export function checkRepeat(
  batch: readonly NewEvent[],
  recorded: readonly RecordedEvent[],
): RepeatCheck {
  const ids = batch.map((event) => event.id);
  const repeatedInBatch = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeatedInBatch.length > 0) {
    return { kind: 'conflict', eventIds: [...new Set(repeatedInBatch)] };
  }
  const byId = new Map(recorded.map((event) => [event.id, event]));
  const known = ids.flatMap((id) => {
    const event = byId.get(id);
    return event ? [event] : [];
  });
  const first = known[0];
  if (!first) {
    return { kind: 'new' };
  }
  const sameAppend =
    known.length === batch.length &&
    known.every((event, index) => event.revision === first.revision + BigInt(index));
  return sameAppend
    ? { kind: 'repeat', last: known[known.length - 1]! }
    : { kind: 'conflict', eventIds: known.map((event) => event.id) };
}
