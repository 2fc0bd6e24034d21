import { type ExpectedRevision, describeExpectedRevision } from './expected-revision';

export enum EventStoreErrorCode {
  WRONG_EXPECTED_REVISION = 'WRONG_EXPECTED_REVISION',
  IDEMPOTENCY_CONFLICT = 'IDEMPOTENCY_CONFLICT',
  CONCURRENCY_RETRIES_EXHAUSTED = 'CONCURRENCY_RETRIES_EXHAUSTED',
  UNKNOWN_EVENT_TYPE = 'UNKNOWN_EVENT_TYPE',
  INVALID_APPEND = 'INVALID_APPEND',
  APPEND_TOO_LARGE = 'APPEND_TOO_LARGE',
  STREAM_DELETED = 'STREAM_DELETED',
  EVENT_STORE_UNAVAILABLE = 'EVENT_STORE_UNAVAILABLE',
}

export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
}

/** The stream was not at the revision the writer read: someone else wrote first. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = EventStoreErrorCode.WRONG_EXPECTED_REVISION;

  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or undefined when the stream does not exist. */
    readonly actual: bigint | undefined,
  ) {
    super(
      `stream ${streamName}: expected ${describeExpectedRevision(expected)}, but it is ${actual === undefined ? 'absent' : `at revision ${actual}`}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some but not all of an append's event ids were already recorded, or elsewhere. */
export class IdempotencyConflictError extends EventStoreError {
  readonly code = EventStoreErrorCode.IDEMPOTENCY_CONFLICT;

  constructor(
    readonly streamName: string,
    readonly eventIds: readonly string[],
  ) {
    super(
      `stream ${streamName}: events ${eventIds.join(', ')} were already recorded, but not as this exact append`,
    );
    this.name = 'IdempotencyConflictError';
  }
}

/** A command kept losing the race for its stream. */
export class ConcurrencyRetriesExhaustedError extends EventStoreError {
  readonly code = EventStoreErrorCode.CONCURRENCY_RETRIES_EXHAUSTED;

  constructor(
    readonly streamName: string,
    readonly attempts: number,
    readonly lastError: WrongExpectedRevisionError,
  ) {
    super(
      `stream ${streamName}: still conflicting after ${attempts} attempts (${lastError.message})`,
    );
    this.name = 'ConcurrencyRetriesExhaustedError';
  }
}

/** A stream holds an event its aggregate does not know: the log is newer than the code reading it. */
export class UnknownEventTypeError extends EventStoreError {
  readonly code = EventStoreErrorCode.UNKNOWN_EVENT_TYPE;

  constructor(
    readonly streamName: string,
    readonly eventType: string,
  ) {
    super(`stream ${streamName}: event type ${eventType} is unknown to its aggregate`);
    this.name = 'UnknownEventTypeError';
  }
}

/**
 * An append refused before it reached the log, because the log could not
 * record it faithfully: no events, an event id that is not a UUID, or data or
 * metadata that is not plain JSON (see `assertAppendable`). Nothing was
 * written; sending the same append again fails the same way.
 */
export class InvalidAppendError extends EventStoreError {
  readonly code = EventStoreErrorCode.INVALID_APPEND;

  constructor(
    readonly streamName: string,
    /** What is wrong, e.g. `a BigInt is not JSON`. */
    readonly reason: string,
    /** The offending event's id, when one event is at fault. */
    readonly eventId?: string,
    /** Where in that event, e.g. `data.items[2].amount` or `metadata.actor`. */
    readonly path?: string,
  ) {
    super(
      `stream ${streamName}: cannot append${eventId === undefined ? '' : ` event ${eventId}`}${path === undefined ? '' : ` (${path})`}: ${reason}`,
    );
    this.name = 'InvalidAppendError';
  }
}

/**
 * The append is larger than the log accepts in one write (KurrentDB's
 * `MaxAppendSize` or `MaxAppendEventSize`). Nothing was written: split the
 * events over several appends, or make them smaller.
 */
export class AppendTooLargeError extends EventStoreError {
  readonly code = EventStoreErrorCode.APPEND_TOO_LARGE;

  constructor(
    readonly streamName: string,
    /** The server's limit in bytes, when it said. */
    readonly maxAppendSize: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `stream ${streamName}: the append is larger than the event store accepts${maxAppendSize === undefined ? '' : ` (${maxAppendSize} bytes)`}`,
      options,
    );
    this.name = 'AppendTooLargeError';
  }
}

/**
 * The stream was deleted for good (tombstoned) in the log: it can be neither
 * read nor appended to again. LeadRail never deletes streams; an operator did.
 */
export class StreamDeletedError extends EventStoreError {
  readonly code = EventStoreErrorCode.STREAM_DELETED;

  constructor(
    readonly streamName: string,
    options?: { cause?: unknown },
  ) {
    super(`stream ${streamName} was deleted`, options);
    this.name = 'StreamDeletedError';
  }
}

/**
 * The event store did not answer in time or could not be reached (deadline
 * exceeded, unavailable, no leader), after the adapter's own retries. For an
 * append the outcome is unknown: it may have been recorded. Appending the same
 * events (same ids) again is safe: a recorded append is recognised and
 * answered with its first result, never written twice. `cause` is the last
 * error seen.
 */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = EventStoreErrorCode.EVENT_STORE_UNAVAILABLE;

  constructor(
    /** What was being done, e.g. `append to partner-1` or `subscription to $all`. */
    readonly operation: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(
      `${operation}: the event store is unavailable (${attempts} attempt${attempts === 1 ? '' : 's'}${describeCause(options?.cause)})`,
      options,
    );
    this.name = 'EventStoreUnavailableError';
  }
}

function describeCause(cause: unknown): string {
  return cause instanceof Error && cause.message ? `; last error: ${cause.message}` : '';
}
