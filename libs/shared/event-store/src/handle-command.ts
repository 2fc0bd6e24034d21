import { randomUUID } from 'node:crypto';
import type { Decider, DomainEvent } from './decider';
import { ConcurrencyRetriesExhaustedError, WrongExpectedRevisionError } from './errors';
import type { EventStore } from './event-store';
import type { EventMetadata, NewEvent } from './recorded-event';

export interface HandleCommandOptions {
  /** Metadata every resulting event carries (actor, correlation, occurredAt). */
  metadata: EventMetadata;
  /**
   * The revision the caller last saw (an HTTP If-Match). When the stream has
   * moved on, the command is refused rather than retried: a person decided on
   * stale data and must look again.
   */
  expectedRevision?: bigint | 'no_stream';
  /** Attempts when another writer wins the race for the stream; default 5. */
  maxAttempts?: number;
  newEventId?: () => string;
}

export interface HandledCommand<Event extends DomainEvent, State> {
  events: NewEvent<Event['type'], Event['data']>[];
  state: State;
  /** The stream's revision after the command (unchanged when it decided nothing). */
  revision: bigint | undefined;
}

/**
 * Reads the stream, folds it, decides, and appends with the revision it read.
 * When another writer appended in between, it starts over with fresh state:
 * this is how limits and funds hold under concurrency, one stream being the
 * serialisation point.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  stream: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  options: HandleCommandOptions,
): Promise<HandledCommand<Event, State>> {
  const maxAttempts = options.maxAttempts ?? 5;
  const newEventId = options.newEventId ?? randomUUID;
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(stream);
    const revision = history.at(-1)?.revision;
    if (
      options.expectedRevision !== undefined &&
      options.expectedRevision !== (revision ?? 'no_stream')
    ) {
      throw new WrongExpectedRevisionError(stream, options.expectedRevision, revision);
    }
    const state = history.reduce(
      (current, recorded) =>
        decider.evolve(current, { type: recorded.type, data: recorded.data } as Event),
      decider.initialState(),
    );
    const decided = decider.decide(command, state);
    if (decided.length === 0) {
      return { events: [], state, revision };
    }
    const events = decided.map((event) => ({
      id: newEventId(),
      type: event.type,
      data: event.data,
      metadata: options.metadata,
    }));
    try {
      const result = await store.appendToStream(stream, events, {
        expectedRevision: revision ?? 'no_stream',
      });
      return {
        events,
        state: decided.reduce((current, event) => decider.evolve(current, event), state),
        revision: result.nextExpectedRevision,
      };
    } catch (error) {
      if (
        !(error instanceof WrongExpectedRevisionError) ||
        options.expectedRevision !== undefined
      ) {
        throw error;
      }
      if (attempt >= maxAttempts) {
        throw new ConcurrencyRetriesExhaustedError(stream, attempt, error);
      }
    }
  }
}
