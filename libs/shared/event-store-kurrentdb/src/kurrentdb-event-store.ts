import { BACKWARDS, END, FORWARDS, KurrentDBClient, START } from '@kurrent/kurrentdb-client';
import {
  type AppendOptions,
  type AppendResult,
  ConcurrencyRetriesExhaustedError,
  type EventStore,
  EventStoreUnavailableError,
  type EventSubscription,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  WrongExpectedRevisionError,
  assertAppendable,
} from '@leadrail/event-store';
import { type Attempt, type AttemptSettings, attemptAppend } from './append-attempt';
import { ClientCalls, backoffDelay } from './client-calls';
import { isRetryable, toPortError } from './client-errors';
import { isServerFilterExact, matchesFilter, serverFilter } from './event-filter';
import { isSystemEvent, positionOf, readPositionAfter, toRecordedEvent } from './event-mapping';
import type { KurrentDbClient } from './kurrentdb-client';
import {
  DEFAULT_RESUME,
  KurrentDbSubscription,
  type ResumeOptions,
} from './kurrentdb-subscription';
import { SingleChannelClient } from './single-channel-client';

export interface KurrentDbEventStoreOptions {
  /** How many of a stream's latest events an append compares its ids with (see idempotency.ts); default 500. */
  idempotencyWindow?: number;
  /**
   * Claim each event id for its stream before appending (event-id-claims.ts),
   * so an id recorded in another stream is refused as PostgreSQL refuses it.
   * Default true; false saves a write per event and gives that promise up.
   */
  claimEventIds?: boolean;
  /** Attempts of one append or read (lost races, timeouts, unavailable server) before giving up; default 8. */
  maxAttempts?: number;
  /** Pause after a failed attempt: doubles from `initialMs` up to `maxMs`, jittered; default 50 ms to 2 s. */
  retryDelay?: { initialMs: number; maxMs: number };
  /**
   * Longest wait for one call to the client before it counts as timed out
   * (and, for an append, as of unknown outcome); default 15 s, above the
   * client's own 10 s deadline.
   */
  callTimeoutMs?: number;
  /** How dropped subscriptions are resumed (kurrentdb-subscription.ts). */
  subscriptionResume?: Partial<ResumeOptions>;
  /** For tests: the source of jitter. */
  random?: () => number;
}

/** Events per `$all` read while paging through readAll. */
const PAGE_SIZE = 500;

/**
 * The event log in KurrentDB / EventStoreDB (22.6 or later: stream reads must
 * carry positions), over one gRPC connection (SingleChannelClient).
 */
export class KurrentDbEventStore implements EventStore {
  private readonly calls: ClientCalls;
  private readonly settings: AttemptSettings;
  private readonly maxAttempts: number;
  private readonly retryDelay: { initialMs: number; maxMs: number };
  private readonly resume: ResumeOptions;
  private readonly random: () => number;
  private readonly subscriptions = new Set<KurrentDbSubscription>();
  private closing?: Promise<void>;

  /**
   * Over a client: a test double, or the official client (wrapped so that it
   * uses one connection for everything). The store owns it: close() closes it.
   */
  constructor(client: KurrentDbClient | KurrentDBClient, options: KurrentDbEventStoreOptions = {}) {
    this.calls = new ClientCalls(
      client instanceof KurrentDBClient ? new SingleChannelClient(client) : client,
      options.callTimeoutMs ?? 15_000,
    );
    this.settings = {
      idempotencyWindow: options.idempotencyWindow ?? 500,
      claimEventIds: options.claimEventIds ?? true,
    };
    this.maxAttempts = options.maxAttempts ?? 8;
    this.retryDelay = options.retryDelay ?? { initialMs: 50, maxMs: 2_000 };
    this.random = options.random ?? Math.random;
    this.resume = { ...DEFAULT_RESUME, random: this.random, ...options.subscriptionResume };
  }

  /**
   * E.g. `kurrentdb://localhost:2113?tls=false`. The client connects lazily:
   * an unreachable server shows at the first operation, not here.
   */
  static connect(
    connectionString: string,
    options: KurrentDbEventStoreOptions = {},
  ): Promise<KurrentDbEventStore> {
    return Promise.resolve(
      new KurrentDbEventStore(SingleChannelClient.connect(connectionString), options),
    );
  }

  /**
   * Attempts (append-attempt.ts) until one is done: a lost race is tried
   * again at once, a timeout or an unavailable server after a pause (the
   * next attempt's read tells whether the last one was written).
   */
  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    // Before the client sees them: it serialises inside a promise it never settles on failure.
    assertAppendable(streamName, events);
    const expected = options.expectedRevision ?? 'any';
    for (let attempt = 1; ; attempt++) {
      let outcome: Attempt;
      try {
        outcome = await attemptAppend(this.calls, this.settings, streamName, events, expected);
      } catch (error) {
        if (!isRetryable(error)) {
          throw toPortError(error, streamName);
        }
        outcome = { kind: 'raced', error };
      }
      if (outcome.kind === 'done') {
        return outcome.result;
      }
      const lostRace = outcome.error instanceof WrongExpectedRevisionError;
      if (attempt >= this.maxAttempts) {
        throw outcome.error instanceof WrongExpectedRevisionError
          ? new ConcurrencyRetriesExhaustedError(streamName, attempt, outcome.error)
          : new EventStoreUnavailableError(`append to ${streamName}`, attempt, {
              cause: outcome.error,
            });
      }
      if (!lostRace) {
        await this.pause(attempt);
      }
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const events = await this.withRetries(`read ${streamName}`, streamName, () =>
      this.calls.readStream(streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        maxCount: options.maxCount,
      }),
    );
    return events.map(toRecordedEvent);
  }

  async streamRevision(streamName: string): Promise<bigint | undefined> {
    this.assertOpen();
    const [last] = await this.withRetries(`read ${streamName}`, streamName, () =>
      this.calls.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }),
    );
    return last?.event?.revision;
  }

  /**
   * Pages through `$all` until `maxCount` events pass the filter. The server
   * filters on one property only (see serverFilter); the rest is checked here, so
   * maxCount counts matching events only. Stops at the first page with nothing
   * past the previous one, which holds whether the server pages a filtered
   * read to the end of the log or stops early.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    const filter = serverFilter(options.filter);
    const exact = isServerFilterExact(options.filter);
    const matching: RecordedEvent[] = [];
    let after = options.after;
    while (matching.length < wanted) {
      const pageStart = after;
      // When the server selects exactly, one more than still wanted is enough
      // (the read starts at `after` itself, which is skipped); else full pages.
      const maxCount = exact ? Math.min(PAGE_SIZE, wanted - matching.length + 1) : PAGE_SIZE;
      const page = await this.withRetries('read $all', '$all', () =>
        this.calls.readAll({ fromPosition: readPositionAfter(pageStart), maxCount, filter }),
      );
      for (const resolved of page) {
        const position = positionOf(resolved);
        if (position === undefined || (after !== undefined && position <= after)) {
          continue;
        }
        after = position;
        if (isSystemEvent(resolved)) {
          continue;
        }
        const event = toRecordedEvent(resolved);
        if (matchesFilter(event, options.filter) && matching.push(event) >= wanted) {
          break;
        }
      }
      if (after === pageStart) {
        break;
      }
    }
    return matching;
  }

  /** Connects when first read; resumes by itself after drops (kurrentdb-subscription.ts). */
  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const filter = serverFilter(options.filter);
    const subscription: KurrentDbSubscription = new KurrentDbSubscription(
      (after) =>
        this.calls.client.subscribeToAll({ fromPosition: readPositionAfter(after), filter }),
      options.after,
      options.filter,
      this.resume,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Ends every subscription, then closes the connection; every call waits for the same shutdown. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
      await this.calls.client.close();
    })();
    return this.closing;
  }

  /** A read, retried while the server is unavailable; the port's error otherwise. */
  private async withRetries<T>(
    what: string,
    streamName: string,
    read: () => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await read();
      } catch (error) {
        if (!isRetryable(error)) {
          throw toPortError(error, streamName);
        }
        if (attempt >= this.maxAttempts) {
          throw new EventStoreUnavailableError(what, attempt, { cause: error });
        }
      }
      await this.pause(attempt);
    }
  }

  private pause(attempt: number): Promise<void> {
    const delay = backoffDelay(attempt, this.retryDelay, this.random);
    return new Promise((resolve) => setTimeout(resolve, delay));
  }

  private assertOpen(): void {
    if (this.closing) {
      throw new Error('the event store is closed');
    }
  }
}
