import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import {
  ANY,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type AppendToStreamOptions,
  BACKWARDS,
  DeadlineExceededError,
  END,
  type EventData,
  type Filter,
  MaxAppendSizeExceededError,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  type SubscribeToAllOptions,
  UnavailableError,
} from '@kurrent/kurrentdb-client';
import type { KurrentDbClient } from '../kurrentdb-client';
import {
  type Stored,
  checkCommit,
  isAfter,
  isAtOrAfter,
  passes,
  resolve,
  roundTrip,
  settle,
} from './fake-log';

interface Subscriber {
  stream: PassThrough;
  filter?: Filter;
}

/** What an injected failure does to a call. */
export type Fault =
  /** Rejects with this error; an append writes nothing. */
  | { error: Error; afterWriting?: false }
  /** Writes the append, then rejects with this error: the caller cannot know it was written. */
  | { error: Error; afterWriting: true }
  /** Never answers (a dropped write without a deadline); an append writes nothing. */
  | { hang: true };

type Operation = 'append' | 'readStream' | 'readAll' | 'subscribe';

export interface FakeKurrentDbOptions {
  /** The server's MaxAppendSize: bytes of one append's data and metadata; default unlimited. */
  maxAppendSize?: number;
  /** How many recent event ids the server's weak (`any`) idempotency check remembers; default 1,000. */
  recentIds?: number;
}

/**
 * The client over an in-memory log, behaving as the server and the client do
 * where the adapter relies on them, and no better:
 *
 * - positions with gaps, and `$all` holding system events between ours;
 * - reads of `$all` start AT the position given; subscriptions AFTER it;
 * - idempotency as the server's: with an exact revision or `no_stream`, a
 *   batch whose ids are exactly the events after that revision is answered
 *   as done (without a position, the worst the server does); with `any` or
 *   `stream_exists` only from a bounded cache of recent ids, and a batch
 *   whose first id is new is written whole, duplicates included; a partial
 *   repeat is a WrongExpectedVersion; ids in other streams are not looked at;
 * - data that JSON.stringify rejects (a BigInt) leaves the append pending for
 *   ever, as the client's serialisation inside a promise does;
 * - a tombstoned stream is refused with StreamDeletedError, an append larger
 *   than `maxAppendSize` with MaxAppendSizeExceededError;
 * - failures as the client's error classes, subscription failures as a bare
 *   'error' event on the subscription (as the client reports them);
 * - injected faults (`failNext`), subscription drops (`dropSubscriptions`)
 *   and refusals (`refuseSubscriptions`).
 */
export class FakeKurrentDbClient implements KurrentDbClient {
  readonly calls = {
    append: [] as { streamName: string; options: AppendToStreamOptions }[],
    readStream: [] as { streamName: string; options: ReadStreamOptions }[],
    readAll: [] as ReadAllOptions[],
    subscribeToAll: [] as SubscribeToAllOptions[],
  };
  /** Appends whose data the "client" could not serialise: pending for ever. */
  unsettledAppends = 0;
  closed = false;
  private readonly log: Stored[] = [];
  private readonly streams = new Map<string, Stored[]>();
  private readonly tombstoned = new Set<string>();
  /** The server's cache for weak idempotency checks: id to event, most recent last. */
  private readonly recent = new Map<string, Stored>();
  private readonly faults: { operation: Operation; stream?: string; fault: Fault }[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private refusals: Error[] = [];
  private nextPosition = 4_096n;

  constructor(private readonly options: FakeKurrentDbOptions = {}) {}

  /**
   * The next call of `operation` (on `stream`, when given: appends and stream
   * reads) fails as `fault` says. Faults queue up in order.
   */
  failNext(operation: Operation, fault: Fault, stream?: string): void {
    this.faults.push({ operation, stream, fault });
  }

  /** Fails every open subscription as a dropped connection does, or ends it (`null`) as a server may. */
  dropSubscriptions(
    error: Error | null = new UnavailableError(undefined, 'connection lost'),
  ): void {
    for (const subscriber of [...this.subscribers]) {
      this.subscribers.delete(subscriber);
      if (error) {
        subscriber.stream.emit('error', error);
      } else {
        subscriber.stream.end();
      }
    }
  }

  /** The next `errors.length` subscriptions fail as soon as they start. */
  refuseSubscriptions(...errors: Error[]): void {
    this.refusals.push(...errors);
  }

  /** Deletes a stream for good, as `tombstoneStream` does. */
  tombstone(streamName: string): void {
    this.tombstoned.add(streamName);
  }

  get openSubscriptions(): number {
    return this.subscribers.size;
  }

  /** Every event of a stream as stored, system streams included (for assertions). */
  stored(streamName: string): readonly { id: string; type: string; data: unknown }[] {
    return this.streams.get(streamName) ?? [];
  }

  appendToStream(
    streamName: string,
    events: EventData[],
    options: AppendToStreamOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    this.calls.append.push({ streamName, options });
    let payloads: { data: unknown; metadata: unknown }[];
    try {
      // The client serialises here, inside a promise that a throw leaves pending.
      payloads = events.map((event) => ({
        data: roundTrip(event.data),
        metadata: roundTrip(event.metadata),
      }));
    } catch {
      this.unsettledAppends++;
      return new Promise<never>(() => undefined);
    }
    const fault = this.takeFault('append', streamName);
    if (fault && 'hang' in fault) {
      return new Promise<never>(() => undefined);
    }
    if (fault && !fault.afterWriting) {
      return Promise.reject(fault.error);
    }
    return settle(() => {
      const result = this.append(streamName, events, payloads, options.streamState ?? ANY);
      if (fault) {
        throw fault.error;
      }
      return result;
    });
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): Promise<ResolvedEvent[]> {
    return settle(() => {
      this.assertOpen();
      this.calls.readStream.push({ streamName, options });
      this.throwFault('readStream', streamName);
      if (this.tombstoned.has(streamName)) {
        throw StreamDeletedError.fromStreamName(streamName);
      }
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
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<AllStreamResolvedEvent[]> {
    return settle(() => {
      this.assertOpen();
      this.calls.readAll.push(options);
      this.throwFault('readAll');
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
    this.assertOpen();
    this.calls.subscribeToAll.push(options);
    const subscriber: Subscriber = {
      stream: new PassThrough({ objectMode: true }),
      filter: options.filter,
    };
    const unsubscribe = (): Promise<void> => {
      this.subscribers.delete(subscriber);
      return Promise.resolve();
    };
    const subscription = Object.assign(subscriber.stream, {
      unsubscribe,
    }) as unknown as AllStreamSubscription;
    const refusal = this.refusals.shift() ?? this.takeFault('subscribe');
    if (refusal) {
      const error = refusal instanceof Error ? refusal : 'error' in refusal ? refusal.error : null;
      // As the client: the failure arrives after the call, as an event.
      setImmediate(() => error && subscriber.stream.emit('error', error));
      return subscription;
    }
    // The server starts after the position given: exclusive.
    for (const event of this.log) {
      if (isAfter(event, options.fromPosition ?? START) && passes(event, options.filter)) {
        subscriber.stream.write(resolve(event));
      }
    }
    this.subscribers.add(subscriber);
    return subscription;
  }

  close(): Promise<void> {
    this.closed = true;
    for (const subscriber of this.subscribers) {
      subscriber.stream.end();
    }
    this.subscribers.clear();
    return Promise.resolve();
  }

  /** The server's commit check (IndexWriter.CheckCommit), then the write. */
  private append(
    streamName: string,
    events: EventData[],
    payloads: { data: unknown; metadata: unknown }[],
    state: AppendToStreamOptions['streamState'] & {},
  ): AppendResult {
    if (this.tombstoned.has(streamName)) {
      throw StreamDeletedError.fromStreamName(streamName);
    }
    const size = payloads.reduce(
      (total, payload) =>
        total + JSON.stringify(payload.data).length + JSON.stringify(payload.metadata ?? '').length,
      0,
    );
    if (this.options.maxAppendSize !== undefined && size > this.options.maxAppendSize) {
      throw MaxAppendSizeExceededError.fromMaxAppendSize(this.options.maxAppendSize);
    }
    const decision = checkCommit(
      this.streams.get(streamName) ?? [],
      this.recent,
      streamName,
      events.map((event) => event.id.toLowerCase()),
      state,
    );
    if (decision) {
      return decision; // recognised as a repeat: nothing written
    }
    const written = events.map((event, index) =>
      this.write(
        streamName,
        event.type,
        event.id,
        payloads[index]!.data,
        payloads[index]!.metadata,
      ),
    );
    // The server's own bookkeeping lands between appends.
    this.write(`$$${streamName}`, '$metadata', randomUUID(), {}, undefined);
    const last = written.at(-1)!;
    return {
      success: true,
      nextExpectedRevision: last.revision,
      position: { commit: last.position, prepare: last.position },
    };
  }

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
      id: id.toLowerCase(),
      type,
      revision: BigInt(stream.length),
      position: this.nextPosition,
      created: new Date(),
      data,
      metadata,
    };
    stream.push(event);
    this.log.push(event);
    this.recent.delete(event.id);
    this.recent.set(event.id, event);
    while (this.recent.size > (this.options.recentIds ?? 1_000)) {
      this.recent.delete(this.recent.keys().next().value!);
    }
    for (const subscriber of this.subscribers) {
      if (passes(event, subscriber.filter) && !subscriber.stream.destroyed) {
        subscriber.stream.write(resolve(event));
      }
    }
    return event;
  }

  private takeFault(operation: Operation, stream?: string): Fault | undefined {
    const index = this.faults.findIndex(
      (entry) =>
        entry.operation === operation && (entry.stream === undefined || entry.stream === stream),
    );
    return index < 0 ? undefined : this.faults.splice(index, 1)[0]!.fault;
  }

  private throwFault(operation: Operation, stream?: string): void {
    const fault = this.takeFault(operation, stream);
    if (fault && 'error' in fault) {
      throw fault.error;
    }
    if (fault) {
      throw new DeadlineExceededError(undefined, 'the fake does not hang reads');
    }
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new Error('the fake client is closed');
    }
  }
}
