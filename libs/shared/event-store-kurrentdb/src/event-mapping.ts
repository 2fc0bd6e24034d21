import {
  type AllStreamResolvedEvent,
  type EventData,
  type JSONType,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
  START,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '@leadrail/event-store';

type AnyResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;

/**
 * gRPC's "no position" (the largest unsigned 64-bit number): what stream reads
 * report on servers before 22.6, whose index did not keep positions.
 */
const NO_POSITION = 2n ** 64n - 1n;

/** Data and metadata travel as JSON. Ids must be UUIDs: EventStoreDB stores them as such. */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata,
  });
}

/**
 * An event's place in the global log is its commit position. Events appended
 * through gRPC are each written as a committed prepare record, so every event
 * has a commit position of its own, even within one append (the server's
 * AllReader gives a committed prepare its own log position as commit position).
 */
export function commitPosition(position: Position | undefined): bigint | undefined {
  const commit = position?.commit;
  return commit === undefined || commit < 0n || commit >= NO_POSITION ? undefined : commit;
}

/**
 * Where to start reading `$all` so as to see the events after `after`.
 * Reads start AT the position given (inclusive) and subscriptions after it, so
 * every reader skips positions <= `after` itself rather than relying on either.
 */
export function readPositionAfter(after: bigint | undefined): ReadPosition {
  return after === undefined || after < 0n ? START : { commit: after, prepare: after };
}

/** The server's own bookkeeping (statistics, projections, stream metadata, links): never ours. */
export function isSystemEvent(resolved: AnyResolvedEvent): boolean {
  const event = resolved.event;
  // Without link resolution (never asked for) `event` is always set; absent, there is nothing to map.
  return !event || event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toRecordedEvent(resolved: AnyResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) {
    throw new Error('EventStoreDB returned a resolved event without its event');
  }
  const position = positionOf(resolved);
  if (position === undefined) {
    throw new Error(
      `EventStoreDB reported no position for event ${event.id} of ${event.streamId}: this adapter needs EventStoreDB 22.6 or later`,
    );
  }
  return {
    id: event.id,
    streamName: event.streamId,
    revision: event.revision,
    position,
    type: event.type,
    data: event.data,
    metadata: toMetadata(event.metadata),
    recordedAt: event.created,
  };
}

/** The event's commit position, or the resolved event's where the record lacks one. */
export function positionOf(resolved: AnyResolvedEvent): bigint | undefined {
  const commit = resolved.commitPosition;
  return (
    commitPosition(resolved.event?.position) ??
    (commit === undefined ? undefined : commitPosition({ commit, prepare: commit }))
  );
}

/**
 * The client parses JSON metadata; anything else (binary, or none) was not
 * written through this port and carries no LeadRail metadata to report.
 */
function toMetadata(metadata: unknown): EventMetadata {
  const isObject =
    typeof metadata === 'object' &&
    metadata !== null &&
    !Array.isArray(metadata) &&
    !(metadata instanceof Uint8Array);
  return (isObject ? metadata : {}) as EventMetadata;
}
