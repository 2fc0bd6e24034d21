import type { NewEvent, RecordedEvent } from '@leadrail/event-store';

/**
 * Idempotent appends by event id, on a server that only half provides them.
 *
 * KurrentDB recognises a repeated append by itself in two cases only: with an
 * exact expected revision (or `no_stream`), when the events right after that
 * revision carry the same ids ("strong" check); and with `any` or
 * `stream_exists`, from a bounded in-memory cache of recent ids ("weak"
 * check), which writes the whole batch again when its first id has left the
 * cache, refuses a batch that repeats only a tail of one, and, in a cluster,
 * drops a repeat of a write not yet replicated without answering. Ids
 * recorded in another stream are never looked at.
 *
 * So the adapter never sends `any` or `stream_exists`. Each append:
 *
 * 1. reads the stream's latest events from the leader (a bounded window,
 *    the whole stream for short ones) and compares ids (`checkRepeat`): all
 *    of the batch recorded, in order and contiguous: a repeat, answered with
 *    the first result and no write; some of it: a conflict; none: new;
 * 2. claims each id for the stream (event-id-claims.ts): an id claimed by
 *    another stream is a conflict;
 * 3. checks the caller's expected revision against what it read;
 * 4. appends with the exact revision it read (or `no_stream`), so the server
 *    checks the position and, for a repeat racing its original, recognises
 *    it (strong check);
 * 5. on WrongExpectedVersion starts over at 1 (another writer, or the same
 *    append racing itself, got there first); on a timeout or an unavailable
 *    server too, after a pause: the attempt may have been written, and step
 *    1 finds out.
 *
 * The limits: an original repeat lying wholly beyond the window is written
 * again (one cut in two by the window is refused as a conflict); ids written
 * before claims existed, or with claims turned off, are not seen from other
 * streams; an id whose append failed stays claimed by its stream.
 */
export type RepeatCheck =
  | { kind: 'new' }
  | { kind: 'repeat'; last: RecordedEvent }
  | { kind: 'conflict'; eventIds: string[] };

export function checkRepeat(
  batch: readonly NewEvent[],
  recorded: readonly RecordedEvent[],
): RepeatCheck {
  // The server stores ids as UUIDs and reports them in lower case.
  const ids = batch.map((event) => event.id.toLowerCase());
  const repeatedInBatch = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeatedInBatch.length > 0) {
    return { kind: 'conflict', eventIds: [...new Set(repeatedInBatch)] };
  }
  const byId = new Map(recorded.map((event) => [event.id.toLowerCase(), event]));
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
