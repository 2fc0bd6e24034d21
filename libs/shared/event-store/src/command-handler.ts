import { setTimeout as sleep } from 'node:timers/promises';
import type { Aggregate } from './aggregate';
import type { DomainEvent } from './decider';
import { ConcurrencyRetriesExhaustedError, WrongExpectedRevisionError } from './errors';
import type { EventStore } from './event-store';
import { type IdGenerator, randomIds } from './ids';
import { type LoadedAggregate, loadAggregate, loadAggregateWithIds } from './load-aggregate';
import type { EventMetadata, NewEvent } from './recorded-event';
import { type BackoffOptions, backoffDelay } from './retry-backoff';

/** How one command is run. */
export interface HandleOptions {
  /** Metadata every resulting event carries (actor, correlation, causation, occurredAt). */
  metadata: EventMetadata;
  /**
   * The revision the caller last saw (an HTTP If-Match). When the stream has
   * moved on, the command is refused rather than retried: a person decided on
   * stale data and must look again.
   */
  expectedRevision?: bigint | 'no_stream';
  /**
   * Ids of the resulting events by their index. A consumer derives them from
   * its cause's event id, so a redelivered cause appends nothing new: found in
   * the stream, it is done (no events returned); racing its first delivery,
   * the store recognises the same ids and writes nothing, and the events are
   * returned as the one append they are.
   */
  eventId?: (index: number) => string;
}

/** What a command did: the events it appended, the state and revision after it. */
export interface HandledCommand<Event extends DomainEvent, State> {
  events: NewEvent<Event['type'], Event['data']>[];
  state: State;
  /** The stream's revision after the command (unchanged when it decided nothing). */
  revision: bigint | undefined;
}

/** Runs an aggregate's commands against its streams. */
export interface CommandHandler<Command, Event extends DomainEvent, State> {
  handle(
    id: string,
    command: Command,
    options: HandleOptions,
  ): Promise<HandledCommand<Event, State>>;
  /** The aggregate as its stream says now (for reads that must match an If-Match). */
  load(id: string): Promise<LoadedAggregate<State>>;
}

export interface CommandHandlerOptions {
  /** Attempts when another writer wins the race for the stream; default 5. */
  maxAttempts?: number;
  /** Waits between attempts; default 10 ms doubling to 500 ms, jittered. */
  backoff?: BackoffOptions;
  ids?: IdGenerator;
  /** For tests: the source of jitter and the wait itself. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_BACKOFF: BackoffOptions = { initialDelayMs: 10, maxDelayMs: 500 };

/**
 * The one way a command runs against an aggregate: read its stream, fold,
 * decide, append with the revision read. When another writer appended in
 * between, it waits (exponential backoff with jitter) and starts over with
 * fresh state: this is how limits and funds hold under concurrency, one
 * stream being the serialisation point.
 */
export function commandHandler<Command, Event extends DomainEvent, State>(
  store: EventStore,
  aggregate: Aggregate<Command, Event, State>,
  options: CommandHandlerOptions = {},
): CommandHandler<Command, Event, State> {
  const maxAttempts = options.maxAttempts ?? 5;
  const ids = options.ids ?? randomIds;
  const wait = options.sleep ?? ((ms: number) => sleep(ms));
  return {
    load: (id) => loadAggregate(store, aggregate, id),
    async handle(id, command, handle) {
      const stream = aggregate.streamName(id);
      // The same id for the same event position on every attempt: a lost race leaves no stray ids behind.
      const drawn: string[] = [];
      const idFor = (index: number): string =>
        handle.eventId?.(index) ?? (drawn[index] ??= ids.next());
      for (let attempt = 1; ; attempt++) {
        const { state, revision, eventIds } = await loadAggregateWithIds(store, aggregate, id);
        // A cause handled before (its first derived event is in the stream) changes nothing again.
        if (handle.eventId !== undefined && eventIds.has(handle.eventId(0))) {
          return { events: [], state, revision };
        }
        if (
          handle.expectedRevision !== undefined &&
          handle.expectedRevision !== (revision ?? 'no_stream')
        ) {
          throw new WrongExpectedRevisionError(stream, handle.expectedRevision, revision);
        }
        const decided = aggregate.decide(command, state);
        if (decided.length === 0) {
          return { events: [], state, revision };
        }
        const events = decided.map((event, index) => ({
          id: idFor(index),
          type: event.type,
          data: event.data,
          metadata: handle.metadata,
        }));
        try {
          const result = await store.appendToStream(stream, events, {
            expectedRevision: revision ?? 'no_stream',
          });
          return {
            events,
            state: decided.reduce((current, event) => aggregate.evolve(current, event), state),
            revision: result.nextExpectedRevision,
          };
        } catch (error) {
          if (
            !(error instanceof WrongExpectedRevisionError) ||
            handle.expectedRevision !== undefined
          ) {
            throw error;
          }
          if (attempt >= maxAttempts) {
            throw new ConcurrencyRetriesExhaustedError(stream, attempt, error);
          }
          await wait(backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF, options.random));
        }
      }
    },
  };
}
