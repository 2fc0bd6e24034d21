import { ErrorType } from '@kurrent/kurrentdb-client';
import { AppendTooLargeError, StreamDeletedError } from '@leadrail/event-store';

/**
 * The client's errors carry a `type` tag (ErrorType). Tested by tag rather than
 * instanceof: two copies of the client would bring two sets of classes.
 */
export function errorType(error: unknown): string | undefined {
  const type = error instanceof Error ? (error as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
}

export function hasErrorType(error: unknown, type: ErrorType): boolean {
  return errorType(error) === type;
}

/** A call the adapter gave up waiting for (see `ClientCalls.guard`): as the server's deadline. */
export class CallTimedOutError extends Error {
  readonly type = ErrorType.DEADLINE_EXCEEDED;

  constructor(what: string, ms: number) {
    super(`${what}: no answer after ${ms} ms`);
    this.name = 'CallTimedOutError';
  }
}

/** The server ended a subscription without an error: a drop like any other. */
export class SubscriptionEndedError extends Error {
  readonly type = ErrorType.UNAVAILABLE;

  constructor() {
    super('the server ended the subscription');
    this.name = 'SubscriptionEndedError';
  }
}

/**
 * Failures a new attempt can cure: the server or the way to it is down,
 * restarting, electing a leader, too busy, or slower than the deadline; the
 * client reports gRPC UNAVAILABLE, INTERNAL and DATA_LOSS as `unavailable`,
 * and a code it does not know as `unknown`. What an attempt did is unknown,
 * so only idempotent work is retried (see the adapter).
 */
const RETRYABLE = new Set<string>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
  ErrorType.UNKNOWN,
]);

/** Node's own socket failures, should one reach the adapter unconverted. */
const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

export function isRetryable(error: unknown): boolean {
  if (isTooLarge(error) || isBadRequest(error)) {
    // Reported by the client as unknown errors, and never cured by retrying.
    return false;
  }
  const type = errorType(error);
  if (type !== undefined) {
    return RETRYABLE.has(type);
  }
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && SOCKET_CODES.has(code);
}

/**
 * The port's error for a client error that has one (the stream was deleted;
 * the append is too large), else the error itself. Wrong expected versions
 * are the adapter's own business (it re-reads before deciding).
 */
export function toPortError(error: unknown, streamName: string): unknown {
  const type = errorType(error);
  if (type === ErrorType.STREAM_DELETED || type === ErrorType.STREAM_TOMBSTONED) {
    return new StreamDeletedError(streamName, { cause: error });
  }
  if (isTooLarge(error)) {
    const limit = (error as { maxAppendSize?: unknown; maxSize?: unknown }).maxAppendSize;
    return new AppendTooLargeError(streamName, typeof limit === 'number' ? limit : undefined, {
      cause: error,
    });
  }
  return error;
}

/**
 * MaxAppendSize (the whole append) arrives typed; MaxAppendEventSize (one
 * event, servers from 24.10) arrives through batch appends as an UnknownError
 * naming it, and through the older unary append with the server's exception
 * name in the call's metadata.
 */
function isTooLarge(error: unknown): boolean {
  const type = errorType(error);
  if (
    type === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED ||
    type === ErrorType.APPEND_RECORD_SIZE_EXCEEDED
  ) {
    return true;
  }
  if (!(error instanceof Error)) {
    return false;
  }
  const raw = (error as { _raw?: { metadata?: { get?: (key: string) => unknown[] } } })._raw;
  const exception = raw?.metadata?.get?.('exception')?.[0];
  return (
    /MaximumAppendEventSizeExceeded|maximum-append-event-size-exceeded/.test(error.message) ||
    exception === 'maximum-append-event-size-exceeded'
  );
}

/** The server refused the request itself (Status.BadRequest); the client does not know the status. */
function isBadRequest(error: unknown): boolean {
  return (
    errorType(error) === ErrorType.UNKNOWN &&
    error instanceof Error &&
    /^Could not recognize BadRequest/.test(error.message)
  );
}
