import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import {
  ANY,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type AppendToStreamOptions,
  BACKWARDS,
  END,
  type EventData,
  type EventType,
  type Filter,
  type JSONType,
  type MetadataType,
  NO_STREAM,
  type ReadAllOptions,
  type ReadPosition,
  type ReadStreamOptions,
  type ResolvedEvent,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  type SubscribeToAllOptions,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { KurrentDbClient } from '../kurrentdb-client';

interface Stored {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  position: bigint;
  created: Date;
  data: unknown;
  metadata: unknown;
}

interface Subscriber {
  stream: PassThrough;
  filter?: Filter;
}

/**
 * The client over an in-memory log, behaving as the server does where the
 * adapter relies on it, and no better: positions with gaps; `$all` holding
 * system events between ours; reads of `$all` starting AT the position given;
 * no idempotency by event id; failures as the client's error classes. Unlike
 * the server, subscriptions also start AT the position given, and report
 * failures with a bare 'error' event as the client does, so the adapter's own
 * guards are exercised.
 */
export class FakeKurrentDbClient implements KurrentDbClient {
  readonly calls = {
    readAll: [] as ReadAllOptions[],
    subscribeToAll: [] as SubscribeToAllOptions[],
  };
  private readonly log: Stored[] = [];
  private readonly streams = new Map<string, Stored[]>();
  private readonly subscribers = new Set<Subscriber>();
  private nextPosition = 4_096n;

  appendToStream(
    streamName: string,
    events: EventData | EventData[],
    options: AppendToStreamOptions = {},
  ): Promise<AppendResult> {
    const current = this.streams.get(streamName)?.at(-1)?.revision;
    const state = options.streamState ?? ANY;
    const accepted =
      state === ANY ||
      (state === NO_STREAM && current === undefined) ||
      (state === STREAM_EXISTS && current !== undefined) ||
      state === current;
    if (!accepted) {
      return Promise.reject(
        new WrongExpectedVersionError(undefined, {
          streamName,
          expected: state,
          current: current ?? NO_STREAM,
        }),
      );
    }
    const written = (Array.isArray(events) ? events : [events]).map((event) =>
      this.write(streamName, event.type, event.id, event.data, event.metadata),
    );
    // The server's own bookkeeping lands between appends.
    this.write(`$$${streamName}`, '$metadata', randomUUID(), {}, undefined);
    const last = written.at(-1)!;
    return Promise.resolve({
      success: true,
      nextExpectedRevision: last.revision,
      position: { commit: last.position, prepare: last.position },
    });
  }

  readStream<KnownEventType extends EventType = EventType>(
    streamName: string,
    options: ReadStreamOptions = {},
  ): AsyncIterableIterator<ResolvedEvent<KnownEventType>> {
    return iterate(() => {
      const stream = this.streams.get(streamName);
      if (!stream) {
        throw new StreamNotFoundError(undefined, streamName);
      }
      const backwards = options.direction === BACKWARDS;
      const from = options.fromRevision ?? (backwards ? END : START);
      const ordered = backwards ? [...stream].reverse() : stream;
      const selected = ordered.filter((event) =>
        typeof from === 'bigint'
          ? backwards
            ? event.revision <= from
            : event.revision >= from
          : (from === START) !== backwards,
      );
      return selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)).map(resolve);
    }) as AsyncIterableIterator<ResolvedEvent<KnownEventType>>;
  }

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    this.calls.readAll.push(options);
    return iterate(() => {
      if (options.direction === BACKWARDS) {
        throw new Error('the fake reads $all forwards only');
      }
      return this.log
        .filter((event) => isAtOrAfter(event, options.fromPosition ?? START))
        .filter((event) => passes(event, options.filter))
        .slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))
        .map(resolve);
    });
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllStreamSubscription {
    this.calls.subscribeToAll.push(options);
    const subscriber: Subscriber = {
      stream: new PassThrough({ objectMode: true }),
      filter: options.filter,
    };
    for (const event of this.log) {
      if (isAtOrAfter(event, options.fromPosition ?? START) && passes(event, options.filter)) {
        subscriber.stream.write(resolve(event));
      }
    }
    this.subscribers.add(subscriber);
    const unsubscribe = (): Promise<void> => {
      this.subscribers.delete(subscriber);
      return Promise.resolve();
    };
    return Object.assign(subscriber.stream, { unsubscribe });
  }

  /** Fails every open subscription, as a dropped connection would. */
  failSubscriptions(error: Error): void {
    for (const subscriber of this.subscribers) {
      subscriber.stream.emit('error', error);
    }
  }

  get openSubscriptions(): number {
    return this.subscribers.size;
  }

  dispose = (): Promise<void> => {
    this.subscribers.clear();
    return Promise.resolve();
  };

  private write(
    streamId: string,
    type: string,
    id: string,
    data: unknown,
    metadata: unknown,
  ): Stored {
    const stream = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, stream);
    // Positions are byte offsets in the server's log: increasing, with gaps.
    this.nextPosition += 137n + BigInt(this.log.length % 7);
    const event: Stored = {
      streamId,
      id,
      type,
      revision: BigInt(stream.length),
      position: this.nextPosition,
      created: new Date(),
      data: roundTrip(data),
      metadata: roundTrip(metadata),
    };
    stream.push(event);
    this.log.push(event);
    for (const subscriber of this.subscribers) {
      if (passes(event, subscriber.filter) && !subscriber.stream.destroyed) {
        subscriber.stream.write(resolve(event));
      }
    }
    return event;
  }
}

async function* iterate<T>(select: () => T[]): AsyncGenerator<T> {
  // Like the client, a read fails when iterated, not when asked for.
  await Promise.resolve();
  yield* select();
}

function isAtOrAfter(event: Stored, from: ReadPosition): boolean {
  return from === START || (from !== END && event.position >= from.commit);
}

function passes(event: Stored, filter: Filter | undefined): boolean {
  if (!filter) {
    return true;
  }
  const value = filter.filterOn === 'streamName' ? event.streamId : event.type;
  return 'prefixes' in filter
    ? filter.prefixes.some((prefix) => value.startsWith(prefix))
    : new RegExp(filter.regex).test(value);
}

function roundTrip(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function resolve(event: Stored): AllStreamResolvedEvent {
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
