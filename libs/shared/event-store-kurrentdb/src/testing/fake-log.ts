import {
  ANY,
  type AllStreamResolvedEvent,
  type AppendResult,
  type AppendStreamState,
  END,
  type Filter,
  type JSONType,
  type MetadataType,
  NO_STREAM,
  type ReadPosition,
  START,
  STREAM_EXISTS,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';

/** An event in the fake's log. */
export interface Stored {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  position: bigint;
  created: Date;
  data: unknown;
  metadata: unknown;
}

/**
 * The server's commit check (IndexWriter.CheckCommit) for an append of `ids`
 * to a stream: throws WrongExpectedVersionError, answers a recognised repeat
 * (without a position, the worst the server does), or returns undefined:
 * write it.
 *
 * With an exact revision or `no_stream` ("strong"): the events right after
 * that revision must be exactly this batch. With `any` or `stream_exists`
 * ("weak"): ids are looked up among recently written ones of this stream; a
 * batch whose first id is new is written whole, known ids included; one
 * whose first ids are known and later ones are not is refused. Ids in other
 * streams are never looked at.
 */
export function checkCommit(
  stream: readonly Stored[],
  recent: ReadonlyMap<string, Stored>,
  streamName: string,
  ids: readonly string[],
  state: AppendStreamState,
): AppendResult | undefined {
  const current = stream.at(-1)?.revision ?? -1n;
  const wrong = (): WrongExpectedVersionError =>
    new WrongExpectedVersionError(undefined, {
      streamName,
      expected: state,
      current: current < 0n ? NO_STREAM : current,
    });
  if (state === ANY || state === STREAM_EXISTS) {
    if (state === STREAM_EXISTS && current < 0n) {
      throw wrong();
    }
    const known: Stored[] = [];
    for (const [index, id] of ids.entries()) {
      const event = recent.get(id);
      if (event?.streamId === streamName) {
        known.push(event);
        continue;
      }
      if (index > 0) {
        throw wrong(); // part of an earlier write: "corrupted idempotency"
      }
      return undefined; // the first id is new: the whole batch is written
    }
    return { success: true, nextExpectedRevision: known.at(-1)!.revision, position: undefined };
  }
  const expected = state === NO_STREAM ? -1n : state;
  if (expected === current) {
    return undefined;
  }
  if (expected > current) {
    throw wrong();
  }
  const repeated = ids.every(
    (id, index) => stream[Number(expected) + 1 + index]?.id.toLowerCase() === id,
  );
  if (!repeated) {
    throw wrong();
  }
  return {
    success: true,
    nextExpectedRevision: expected + BigInt(ids.length),
    position: undefined,
  };
}

/** Like the client: a read fails when awaited, not when asked for. */
export async function settle<T>(select: () => T): Promise<T> {
  await Promise.resolve();
  return select();
}

export function isAtOrAfter(event: Stored, from: ReadPosition): boolean {
  return from === START || (from !== END && event.position >= from.commit);
}

export function isAfter(event: Stored, from: ReadPosition): boolean {
  return from === START || (from !== END && event.position > from.commit);
}

export function passes(event: Stored, filter: Filter | undefined): boolean {
  if (!filter) {
    return true;
  }
  const value = filter.filterOn === 'streamName' ? event.streamId : event.type;
  return 'prefixes' in filter
    ? filter.prefixes.some((prefix) => value.startsWith(prefix))
    : new RegExp(filter.regex).test(value);
}

/** JSON as the client sends it and the server returns it; throws where JSON.stringify does. */
export function roundTrip(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

export function resolve(event: Stored): AllStreamResolvedEvent {
  const position = { commit: event.position, prepare: event.position };
  return {
    event: {
      streamId: event.streamId,
      id: event.id,
      isJson: true,
      revision: event.revision,
      type: event.type,
      created: event.created,
      data: event.data as JSONType,
      metadata: event.metadata as MetadataType | undefined,
      position,
    },
    commitPosition: event.position,
  };
}
