import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  FORWARDS,
  type Filter,
  KurrentDBClient,
  type ReadStreamOptions as ClientReadStreamOptions,
  type ResolvedEvent,
  START,
} from '@kurrent/kurrentdb-client';
import {
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventSubscription,
  IdempotencyConflictError,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  WrongExpectedRevisionError,
} from '@leadrail/event-store';
import { isServerFilterExact, matchesFilter, serverFilter } from './event-filter';
import {
  commitPosition,
  isSystemEvent,
  positionOf,
  readPositionAfter,
  toEventData,
  toRecordedEvent,
} from './event-mapping';
import { checkRepeat } from './idempotency';
import type { KurrentDbClient } from './kurrentdb-client';
import { KurrentDbSubscription } from './kurrentdb-subscription';
import { isStreamNotFound, toAppendError, toStreamState } from './stream-state';

export interface KurrentDbEventStoreOptions {
  /** How many of a stream's latest events an append compares its ids with (see idempotency.ts). */
  idempotencyWindow?: number;
}

const DEFAULT_IDEMPOTENCY_WINDOW = 500;
/** Events per `$all` read while paging through readAll. */
const PAGE_SIZE = 500;

/** The event log in EventStoreDB / KurrentDB (22.6 or later: stream reads must carry positions). */
export class KurrentDbEventStore implements EventStore {
  private readonly idempotencyWindow: number;
  private readonly subscriptions = new Set<KurrentDbSubscription>();

  /** Over an existing client (shared by the application, or a test double). */
  constructor(
    private readonly client: KurrentDbClient,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.idempotencyWindow = options.idempotencyWindow ?? DEFAULT_IDEMPOTENCY_WINDOW;
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
      new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), options),
    );
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0) {
      throw new Error('an append needs at least one event');
    }
    const expected = options.expectedRevision ?? 'any';
    // From the leader: a follower could lag behind the append being retried.
    const recorded = await this.readResolved(streamName, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: this.idempotencyWindow,
      requiresLeader: true,
    });
    const repeat = checkRepeat(events, recorded.map(toRecordedEvent));
    switch (repeat.kind) {
      case 'repeat':
        return { nextExpectedRevision: repeat.last.revision, position: repeat.last.position };
      case 'conflict':
        throw new IdempotencyConflictError(streamName, repeat.eventIds);
      case 'new':
        break;
    }
    const result = await this.client
      .appendToStream(streamName, events.map(toEventData), {
        streamState: toStreamState(expected),
      })
      .catch((error: unknown) => {
        throw toAppendError(error, streamName, expected);
      });
    if (!result.success) {
      // Only when the connection string sets throwOnAppendFailure=false.
      throw new WrongExpectedRevisionError(
        streamName,
        expected,
        await this.streamRevision(streamName),
      );
    }
    return {
      nextExpectedRevision: result.nextExpectedRevision,
      // The server reports the last event's commit position, except for an
      // append it recognised as a repeat itself: then the recorded event tells.
      position:
        commitPosition(result.position) ??
        (await this.positionAt(streamName, result.nextExpectedRevision)),
    };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const events = await this.readResolved(streamName, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      maxCount: options.maxCount,
    });
    return events.map(toRecordedEvent);
  }

  async streamRevision(streamName: string): Promise<bigint | undefined> {
    const [last] = await this.readResolved(streamName, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    });
    return last?.event?.revision;
  }

  /**
   * Pages through `$all` until `maxCount` events pass the filter. The server
   * filters on one property (see serverFilter); the rest is checked here, so
   * maxCount counts matching events only. Stops at the first page with nothing
   * past the previous one, which holds whether the server pages a filtered
   * read to the end of the log or stops early.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    const filter = serverFilter(options.filter);
    const exact = isServerFilterExact(options.filter);
    const matching: RecordedEvent[] = [];
    let after = options.after;
    while (matching.length < wanted) {
      const pageStart = after;
      // When the server selects exactly, one more than still wanted is enough
      // (the read starts at `after` itself, which is skipped); else full pages.
      const size = exact ? Math.min(PAGE_SIZE, wanted - matching.length + 1) : PAGE_SIZE;
      const page = await this.readAllPage(after, size, filter);
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

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const source = this.client.subscribeToAll({
      fromPosition: readPositionAfter(options.after),
      filter: serverFilter(options.filter),
    });
    const subscription: KurrentDbSubscription = new KurrentDbSubscription(
      source,
      options.after,
      options.filter,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
    await this.client.dispose();
  }

  private async readAllPage(
    after: bigint | undefined,
    maxCount: number,
    filter: Filter,
  ): Promise<AllStreamResolvedEvent[]> {
    const page: AllStreamResolvedEvent[] = [];
    for await (const resolved of this.client.readAll({
      fromPosition: readPositionAfter(after),
      maxCount,
      filter,
    })) {
      page.push(resolved);
    }
    return page;
  }

  /** The position of a stream's event at `revision`, as recorded. */
  private async positionAt(streamName: string, revision: bigint): Promise<bigint> {
    const [event] = await this.readStream(streamName, { fromRevision: revision, maxCount: 1 });
    if (!event) {
      throw new Error(`stream ${streamName}: no event at revision ${revision} after appending it`);
    }
    return event.position;
  }

  /** A stream's events as the client returns them; an absent stream reads as none. */
  private async readResolved(
    streamName: string,
    options: ClientReadStreamOptions,
  ): Promise<ResolvedEvent[]> {
    if (options.maxCount !== undefined && options.maxCount <= 0) {
      return [];
    }
    const events: ResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, options)) {
        events.push(resolved);
      }
    } catch (error) {
      if (isStreamNotFound(error)) {
        return [];
      }
      throw error;
    }
    return events;
  }
}
