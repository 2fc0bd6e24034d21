import {
  ANY,
  type AppendStreamState,
  type CurrentStreamState,
  ErrorType,
  NO_STREAM,
  STREAM_EXISTS,
  type WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { type ExpectedRevision, WrongExpectedRevisionError } from '@leadrail/event-store';
import { hasErrorType } from './client-errors';

/** The port's expected revisions are EventStoreDB's own, under the client's names. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (typeof expected === 'bigint') {
    return expected;
  }
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
  }
}

/**
 * The client reports an absent stream as `no_stream`; a path that passes the
 * server's number through gives -1 (absent), -5 or -6 (deleted): none is a revision.
 */
export function toActualRevision(state: CurrentStreamState): bigint | undefined {
  return typeof state === 'bigint' && state >= 0n ? state : undefined;
}

/** The port's typed error for a failed append, or the error itself. */
export function toAppendError(
  error: unknown,
  streamName: string,
  expected: ExpectedRevision,
): unknown {
  if (isWrongExpectedVersion(error)) {
    return new WrongExpectedRevisionError(
      streamName,
      expected,
      toActualRevision(error.actualState),
    );
  }
  return error;
}

export function isStreamNotFound(error: unknown): boolean {
  return hasErrorType(error, ErrorType.STREAM_NOT_FOUND);
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return hasErrorType(error, ErrorType.WRONG_EXPECTED_VERSION);
}
