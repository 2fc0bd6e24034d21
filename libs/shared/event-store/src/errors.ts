import { type ExpectedRevision, describeExpectedRevision } from './expected-revision';

export enum EventStoreErrorCode {
  WRONG_EXPECTED_REVISION = 'WRONG_EXPECTED_REVISION',
  IDEMPOTENCY_CONFLICT = 'IDEMPOTENCY_CONFLICT',
  CONCURRENCY_RETRIES_EXHAUSTED = 'CONCURRENCY_RETRIES_EXHAUSTED',
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
