import {
  type ExpectedRevision,
  IdempotencyConflictError,
  WrongExpectedRevisionError,
} from '@leadrail/event-store';
import { DatabaseError } from 'pg';

/** Maps the SQLSTATEs append_to_stream raises to the port's typed errors. */
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
