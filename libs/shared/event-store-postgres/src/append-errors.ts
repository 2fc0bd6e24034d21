import {
  ConcurrencyRetriesExhaustedError,
  type ExpectedRevision,
  IdempotencyConflictError,
  WrongExpectedRevisionError,
} from '@leadrail/event-store';
import { DatabaseError } from 'pg';

/** Attempts of one append that keeps losing its stream's next revision to other writers. */
export const MAX_APPEND_ATTEMPTS = 20;

/**
 * LR003: an 'any' append found its revision taken by a writer that committed
 * meanwhile (retried in a new transaction, whose position then comes after
 * that writer's). 40P01: two appends naming the same event ids in different
 * orders deadlocked; retried, the survivor's ids are found recorded.
 */
export function isAppendRetryable(error: unknown): boolean {
  return error instanceof DatabaseError && (error.code === 'LR003' || error.code === '40P01');
}

export function retriesExhausted(
  error: unknown,
  streamName: string,
  expected: ExpectedRevision,
  attempts: number,
): ConcurrencyRetriesExhaustedError {
  const detail = error instanceof DatabaseError ? error.detail : undefined;
  const actual = detail && /^\d+$/.test(detail) ? BigInt(detail) : undefined;
  return new ConcurrencyRetriesExhaustedError(
    streamName,
    attempts,
    new WrongExpectedRevisionError(streamName, expected, actual),
  );
}

/** Maps the SQLSTATEs append_events raises to the port's typed errors. */
export function toAppendError(
  error: unknown,
  streamName: string,
  expected: ExpectedRevision,
  eventIds: readonly string[],
): unknown {
  if (!(error instanceof DatabaseError)) {
    return error;
  }
  if (error.code === 'LR001') {
    return new WrongExpectedRevisionError(
      streamName,
      expected,
      error.detail ? BigInt(error.detail) : undefined,
    );
  }
  if (
    error.code === 'LR002' ||
    (error.code === '23505' && error.constraint === 'events_event_id_key')
  ) {
    return new IdempotencyConflictError(streamName, eventIds);
  }
  return error;
}
