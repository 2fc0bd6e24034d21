import { createHash } from 'node:crypto';
import { type EventData, FORWARDS, NO_STREAM, START, jsonEvent } from '@kurrent/kurrentdb-client';
import type { KurrentDbClient } from './kurrentdb-client';
import { isStreamNotFound, isWrongExpectedVersion } from './stream-state';

/**
 * Event ids are unique across the whole log (PostgreSQL enforces it with a
 * unique index); KurrentDB has no index by event id. So before an append,
 * each of its ids is claimed for its stream: one event in a stream of its own,
 * `leadrail-event-id-<id>`, appended with `no_stream`. Only one claim per id
 * can ever be written; the server answers a repeat of the same claim (same
 * id, same stream: same claim id) as done, and a claim for another stream
 * with WrongExpectedVersion, after which the claim is read to tell who owns
 * the id.
 *
 * Claims are `$`-typed, so the server's default `$all` filter and the adapter
 * leave them out of reads and subscriptions. They cost one more write and
 * one more stream per event.
 */
export const CLAIM_EVENT_TYPE = '$leadrail-event-id';

export function claimStreamOf(eventId: string): string {
  return `leadrail-event-id-${eventId.toLowerCase()}`;
}

/** The claim's own event id: the same for the same id and stream, different otherwise. */
export function claimIdOf(eventId: string, streamName: string): string {
  const hex = createHash('sha256')
    .update(`${eventId.toLowerCase()}\n${streamName}`)
    .digest('hex')
    .slice(0, 32);
  // A version 8 ("custom") UUID with the RFC 4122 variant.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function claimEvent(eventId: string, streamName: string): EventData {
  return jsonEvent({
    id: claimIdOf(eventId, streamName),
    type: CLAIM_EVENT_TYPE,
    data: { eventId: eventId.toLowerCase(), streamName },
    metadata: {},
  });
}

/** Runs one client call, bounded in time (the adapter's guard against calls that never settle). */
export type Guard = <T>(what: string, call: () => Promise<T>) => Promise<T>;

/**
 * Claims every id for `streamName`; returns the ids another stream owns
 * (nothing appended then). Rejects with the first other failure: the caller
 * retries the whole append, and claims already made are repeats then.
 *
 * The smallest id is claimed first, the others only once it is ours: two
 * appends of one batch to two streams cannot each win some of its ids and
 * block each other for ever; the one that wins the smallest wins them all.
 */
export async function claimEventIds(
  client: KurrentDbClient,
  streamName: string,
  eventIds: readonly string[],
  guard: Guard,
): Promise<string[]> {
  const [first, ...rest] = [...new Set(eventIds.map((id) => id.toLowerCase()))].sort();
  if (first === undefined) {
    return [];
  }
  if (!(await claim(client, streamName, first, guard))) {
    return [first];
  }
  const outcomes = await Promise.allSettled(
    rest.map(async (eventId) =>
      (await claim(client, streamName, eventId, guard)) ? [] : [eventId],
    ),
  );
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    throw failure.reason;
  }
  return outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
}

/** Whether the id is now claimed for the stream (false: another stream owns it). */
async function claim(
  client: KurrentDbClient,
  streamName: string,
  eventId: string,
  guard: Guard,
): Promise<boolean> {
  try {
    await guard('claim an event id', () =>
      client.appendToStream(claimStreamOf(eventId), [claimEvent(eventId, streamName)], {
        streamState: NO_STREAM,
        requiresLeader: true,
      }),
    );
    return true;
  } catch (error) {
    if (!isWrongExpectedVersion(error)) {
      throw error;
    }
    return (await claimOwner(client, eventId, guard)) === streamName;
  }
}

/** The stream an id is claimed for; undefined when the claim cannot be read (then: not ours). */
async function claimOwner(
  client: KurrentDbClient,
  eventId: string,
  guard: Guard,
): Promise<string | undefined> {
  try {
    const [claim] = await guard('read an event id claim', () =>
      client.readStream(claimStreamOf(eventId), {
        direction: FORWARDS,
        fromRevision: START,
        maxCount: 1,
        requiresLeader: true,
      }),
    );
    const data = claim?.event?.data as { streamName?: unknown } | undefined;
    return typeof data?.streamName === 'string' ? data.streamName : undefined;
  } catch (error) {
    if (isStreamNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}
