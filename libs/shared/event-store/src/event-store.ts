import type { ExpectedRevision } from './expected-revision';
import type { NewEvent, RecordedEvent } from './recorded-event';

export interface AppendOptions {
  /** Defaults to `any`: pass the revision you read wherever a decision depends on state. */
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** The stream's revision after the append: the expected revision for the next one. */
  nextExpectedRevision: bigint;
  /** The global position of the last event appended. */
  position: bigint;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the first event (forwards) or the last (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

/** Which events of the global log a reader or subscriber wants. */
export interface EventFilter {
  /** Stream name prefixes, e.g. `partner-` for every partner stream. */
  streamNamePrefixes?: readonly string[];
  eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Omit to start at the beginning. */
  after?: bigint;
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: deliver events after this position. Omit for the beginning. */
  after?: bigint;
  filter?: EventFilter;
}

/**
 * A catch-up subscription: historic events first, then live ones, in global
 * order, never skipping one. Iterate it; stop with `unsubscribe()`.
 */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  unsubscribe(): Promise<void>;
}

/**
 * The event log, as one port with two adapters (PostgreSQL and EventStoreDB)
 * that pass one contract suite (`@leadrail/event-store/testing`).
 */
export interface EventStore {
  /**
   * Appends atomically, or throws WrongExpectedRevisionError. Appending the same
   * event ids again returns the original result and writes nothing.
   */
  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;

  /** A stream's events; an absent stream reads as empty. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** The stream's last revision, or undefined when it does not exist. */
  streamRevision(streamName: string): Promise<bigint | undefined>;

  /** One page of the global log in order (forwards). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  subscribeToAll(options?: SubscribeOptions): EventSubscription;

  close(): Promise<void>;
}
