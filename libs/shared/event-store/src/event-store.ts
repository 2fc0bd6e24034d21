import { InvalidAppendError } from './errors';
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
 * order, never skipping or repeating one. Iterate it; stop with
 * `unsubscribe()`. When the connection to the log is lost, an adapter either
 * resumes by itself after the last event delivered or ends the iteration with
 * an error; either way a new subscription `after` the last position handled
 * continues exactly where it stopped.
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
   * Appends atomically, or throws WrongExpectedRevisionError. What event ids
   * promise (every adapter, proved by the contract suite):
   *
   * - the same events again (the same ids, in the same order, recorded
   *   together in this stream) return the first append's result and write
   *   nothing, whatever the expected revision and however many events were
   *   appended since (KurrentDB: within the adapter's idempotency window);
   * - any other append naming an id already recorded, in this stream or
   *   another, or the same id twice, is refused with IdempotencyConflictError
   *   and writes nothing;
   * - ids are checked before the expected revision: a repeat is answered even
   *   when the stream has moved on.
   *
   * Refused before anything is sent, with InvalidAppendError: no events, an id
   * that is not a UUID, data or metadata that is not plain JSON
   * (`assertAppendable`). Adapters may also throw AppendTooLargeError,
   * StreamDeletedError and EventStoreUnavailableError (outcome unknown: append
   * the same events again).
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

  /**
   * Ends every subscription and closes every connection the store opened.
   * Safe to call more than once; any other use afterwards fails.
   */
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Deeper than any event needs, shallow enough for every adapter's JSON parser. */
const MAX_JSON_DEPTH = 256;

/**
 * Throws InvalidAppendError unless an append can be recorded faithfully by
 * every adapter: at least one event, each with a UUID id, a type, JSON data
 * and a JSON object as metadata. "JSON" means what reads back equal:
 * `null`, booleans, finite numbers, strings, arrays and plain objects, at most
 * 256 levels deep. Refused: BigInt, functions, symbols, NaN and ±Infinity,
 * `undefined` as data or inside an array (JSON would turn it into `null`),
 * circular references, class instances such as Date, Map or Buffer (store
 * an ISO string, an array, base64), and strings holding U+0000 or a lone
 * surrogate (PostgreSQL's jsonb cannot store them). An object property whose
 * value is `undefined` is accepted and, as in JSON, not recorded.
 *
 * Adapters call it before sending anything, so a refused append settles at
 * once and writes nothing.
 */
export function assertAppendable(streamName: string, events: readonly NewEvent[]): void {
  if (events.length === 0) {
    throw new InvalidAppendError(streamName, 'an append needs at least one event');
  }
  for (const event of events) {
    const id: unknown = event.id;
    if (typeof id !== 'string' || !UUID.test(id)) {
      throw new InvalidAppendError(
        streamName,
        `event ids must be UUIDs, not ${describeValue(id)}`,
        typeof id === 'string' ? id : undefined,
        'id',
      );
    }
    const type: unknown = event.type;
    if (typeof type !== 'string' || type.length === 0) {
      throw new InvalidAppendError(
        streamName,
        'an event type must be a non-empty string',
        id,
        'type',
      );
    }
    if (event.data === undefined) {
      throw new InvalidAppendError(streamName, 'data is undefined, which is not JSON', id, 'data');
    }
    const metadata: unknown = event.metadata;
    if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
      throw new InvalidAppendError(
        streamName,
        `metadata must be a JSON object, not ${describeValue(metadata)}`,
        id,
        'metadata',
      );
    }
    for (const [value, path] of [
      [event.data, 'data'],
      [metadata, 'metadata'],
    ] as const) {
      const problem = jsonProblem(value, path, new Set(), 0);
      if (problem) {
        throw new InvalidAppendError(streamName, problem.reason, id, problem.path);
      }
    }
  }
}

interface JsonProblem {
  path: string;
  reason: string;
}

function jsonProblem(
  value: unknown,
  path: string,
  ancestors: Set<object>,
  depth: number,
): JsonProblem | undefined {
  switch (typeof value) {
    case 'string':
      return stringProblem(value, path);
    case 'number':
      return Number.isFinite(value)
        ? undefined
        : { path, reason: `${String(value)} is not JSON (it would be recorded as null)` };
    case 'boolean':
      return undefined;
    case 'bigint':
      return { path, reason: 'a BigInt is not JSON (store it as a string)' };
    case 'undefined':
      return { path, reason: 'undefined is not JSON (it would be recorded as null)' };
    case 'function':
    case 'symbol':
      return { path, reason: `a ${typeof value} is not JSON` };
    case 'object':
      break;
  }
  if (value === null) {
    return undefined;
  }
  if (ancestors.has(value)) {
    return { path, reason: 'a circular reference is not JSON' };
  }
  if (depth >= MAX_JSON_DEPTH) {
    return { path, reason: `JSON nested deeper than ${MAX_JSON_DEPTH} levels is refused` };
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        // A hole reads as undefined: JSON would record null.
        const problem = jsonProblem(value[index], `${path}[${index}]`, ancestors, depth + 1);
        if (problem) {
          return problem;
        }
      }
      return undefined;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      return { path, reason: `${describeValue(value)} is not plain JSON` };
    }
    if (Object.getOwnPropertySymbols(value).length > 0) {
      return { path, reason: 'a symbol-keyed property is not JSON' };
    }
    for (const [key, item] of Object.entries(value)) {
      const at = /^[A-Za-z_$][\w$]*$/.test(key)
        ? `${path}.${key}`
        : `${path}[${JSON.stringify(key)}]`;
      const keyProblem = stringProblem(key, at);
      if (keyProblem) {
        return { path: at, reason: `its key: ${keyProblem.reason}` };
      }
      // As in JSON, a property whose value is undefined is simply not recorded.
      const problem = item === undefined ? undefined : jsonProblem(item, at, ancestors, depth + 1);
      if (problem) {
        return problem;
      }
    }
    return undefined;
  } finally {
    ancestors.delete(value);
  }
}

function stringProblem(text: string, path: string): JsonProblem | undefined {
  if (text.includes('\u0000')) {
    return { path, reason: 'U+0000 (NUL) in a string cannot be stored' };
  }
  if (LONE_SURROGATE.test(text)) {
    return { path, reason: 'a string with a lone surrogate is not well-formed Unicode' };
  }
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return typeof value === 'string' ? JSON.stringify(value) : `a ${typeof value}`;
}
