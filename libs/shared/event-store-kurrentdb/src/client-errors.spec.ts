import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  AppendTooLargeError,
  IdempotencyConflictError,
  StreamDeletedError,
} from '@leadrail/event-store';
import {
  CallTimedOutError,
  SubscriptionEndedError,
  isRetryable,
  toPortError,
} from './client-errors';

/** A gRPC error as grpc-js hands it to the client: the server's exception name in its metadata. */
function serviceError(message: string, exception: string): never {
  return {
    code: 3,
    message,
    details: message,
    metadata: { get: (key: string) => (key === 'exception' ? [exception] : []) },
  } as never;
}

describe('client errors', () => {
  it.each([
    ['unavailable', new UnavailableError()],
    ['deadline exceeded', new DeadlineExceededError()],
    ['a server timeout', new TimeoutError()],
    ['cancelled by the server', new CancelledError()],
    ['an unknown status', new UnknownError(undefined, 'Could not recognize Server Is Busy')],
    ['a call the adapter gave up on', new CallTimedOutError('append', 10)],
    ['a subscription the server ended', new SubscriptionEndedError()],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  ])('retries %s', (_, error) => {
    expect(isRetryable(error)).toBe(true);
  });

  it.each([
    [
      'a wrong expected version',
      new WrongExpectedVersionError(undefined, { streamName: 's', expected: 1n, current: 2n }),
    ],
    ['access denied', new AccessDeniedError()],
    ['a deleted stream', ClientStreamDeletedError.fromStreamName('s')],
    ['an append too large', MaxAppendSizeExceededError.fromMaxAppendSize(1024)],
    ['a refused request', new UnknownError(undefined, 'Could not recognize BadRequest')],
    ['an absent stream', new StreamNotFoundError(undefined, 's')],
    ['the port’s own refusal', new IdempotencyConflictError('s', ['a'])],
    ['a plain error', new Error('bug')],
  ])('does not retry %s', (_, error) => {
    expect(isRetryable(error)).toBe(false);
  });

  it('maps a deleted stream to the port, keeping the cause', () => {
    const cause = ClientStreamDeletedError.fromStreamName('lead-1');
    const mapped = toPortError(cause, 'lead-1');
    expect(mapped).toBeInstanceOf(StreamDeletedError);
    expect(mapped).toMatchObject({ streamName: 'lead-1', cause });
  });

  it.each([
    [
      'MaxAppendSize, typed by the client',
      MaxAppendSizeExceededError.fromMaxAppendSize(1024),
      1024,
    ],
    [
      'MaxAppendEventSize through a batch append',
      new UnknownError(undefined, 'Could not recognize MaximumAppendEventSizeExceeded'),
      undefined,
    ],
    [
      'MaxAppendEventSize through a unary append',
      new UnknownError(
        serviceError('3 INVALID_ARGUMENT: Event too large', 'maximum-append-event-size-exceeded'),
      ),
      undefined,
    ],
  ])('maps %s to AppendTooLargeError', (_, error, maxAppendSize) => {
    const mapped = toPortError(error, 'lead-1');
    expect(mapped).toBeInstanceOf(AppendTooLargeError);
    expect(mapped).toMatchObject({ streamName: 'lead-1', maxAppendSize });
    expect(isRetryable(error)).toBe(false);
  });

  it('passes other errors through', () => {
    const error = new AccessDeniedError();
    expect(toPortError(error, 'lead-1')).toBe(error);
  });
});
