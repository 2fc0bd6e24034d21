import { BACKWARDS, END, NO_STREAM } from '@kurrent/kurrentdb-client';
import {
  type AppendResult,
  type ExpectedRevision,
  IdempotencyConflictError,
  type NewEvent,
  WrongExpectedRevisionError,
} from '@leadrail/event-store';
import type { ClientCalls } from './client-calls';
import { claimEventIds } from './event-id-claims';
import { commitPosition, toEventData, toRecordedEvent } from './event-mapping';
import { checkRepeat } from './idempotency';
import { isWrongExpectedVersion, toAppendError } from './stream-state';

/** How an attempt ended: with the append's result, or lost to another writer (try again). */
export type Attempt = { kind: 'done'; result: AppendResult } | { kind: 'raced'; error: unknown };

export interface AttemptSettings {
  /** How many of the stream's latest events the ids are compared with. */
  idempotencyWindow: number;
  /** Whether ids are claimed for their stream (event-id-claims.ts). */
  claimEventIds: boolean;
}

/**
 * One attempt at an append (idempotency.ts tells why each step): read the
 * stream's latest events from the leader, compare ids, claim them, check the
 * caller's expected revision, append at the revision read. Throws the port's
 * refusals, and the client's failures for the caller to retry or report.
 */
export async function attemptAppend(
  calls: ClientCalls,
  settings: AttemptSettings,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<Attempt> {
  // From the leader: a follower could lag behind the append being retried.
  const tail = await calls.readStream(streamName, {
    direction: BACKWARDS,
    fromRevision: END,
    maxCount: settings.idempotencyWindow,
    requiresLeader: true,
  });
  const repeat = checkRepeat(events, tail.map(toRecordedEvent));
  switch (repeat.kind) {
    case 'repeat':
      return {
        kind: 'done',
        result: { nextExpectedRevision: repeat.last.revision, position: repeat.last.position },
      };
    case 'conflict':
      throw new IdempotencyConflictError(streamName, repeat.eventIds);
    case 'new':
      break;
  }
  if (settings.claimEventIds) {
    const ids = events.map((event) => event.id);
    const taken = await claimEventIds(calls.client, streamName, ids, calls.guard);
    if (taken.length > 0) {
      throw new IdempotencyConflictError(streamName, taken);
    }
  }
  const current = tail[0]?.event?.revision;
  if (!satisfies(expected, current)) {
    throw new WrongExpectedRevisionError(streamName, expected, current);
  }
  try {
    const result = await calls.append(streamName, events.map(toEventData), current ?? NO_STREAM);
    if (!result.success) {
      // Only when the connection string sets throwOnAppendFailure=false.
      return {
        kind: 'raced',
        error: new WrongExpectedRevisionError(streamName, expected, undefined),
      };
    }
    return {
      kind: 'done',
      result: {
        nextExpectedRevision: result.nextExpectedRevision,
        // The server reports the last event's commit position, except for an
        // append it recognised as a repeat itself: then the recorded event tells.
        position:
          commitPosition(result.position) ??
          (await positionAt(calls, streamName, result.nextExpectedRevision)),
      },
    };
  } catch (error) {
    if (isWrongExpectedVersion(error)) {
      // Someone appended since the read (maybe this very append, racing itself): read again.
      return { kind: 'raced', error: toAppendError(error, streamName, expected) };
    }
    throw error;
  }
}

/** Whether a stream at `current` (undefined: absent) meets the caller's expected revision. */
function satisfies(expected: ExpectedRevision, current: bigint | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default:
      return current === expected;
  }
}

/** The position of a stream's event at `revision`, as recorded. */
async function positionAt(
  calls: ClientCalls,
  streamName: string,
  revision: bigint,
): Promise<bigint> {
  const [event] = await calls.readStream(streamName, {
    fromRevision: revision,
    maxCount: 1,
    requiresLeader: true,
  });
  if (!event) {
    throw new Error(`stream ${streamName}: no event at revision ${revision} after appending it`);
  }
  return toRecordedEvent(event).position;
}
