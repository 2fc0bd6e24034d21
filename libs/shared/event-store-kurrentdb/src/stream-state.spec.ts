import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '@leadrail/event-store';
import { isStreamNotFound, toAppendError, toStreamState } from './stream-state';

describe('stream states', () => {
  it('maps expected revisions to the client’s stream states', () => {
    expect(toStreamState(3n)).toBe(3n);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState('any')).toBe(ANY);
  });

  it.each([
    [4n, 4n],
    [NO_STREAM, undefined],
    // The error built from gRPC trailers passes the server's numbers through.
    [-1n, undefined],
    [-5n, undefined],
  ] as const)('reports a wrong expected version at %p as actual revision %p', (current, actual) => {
    const error = toAppendError(
      new WrongExpectedVersionError(undefined, { streamName: 's', expected: 2n, current }),
      'lead-1',
      2n,
    );
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ streamName: 'lead-1', expected: 2n, actual });
  });

  it('passes other errors through, and recognises an absent stream', () => {
    const other = new Error('unavailable');
    expect(toAppendError(other, 'lead-1', 'any')).toBe(other);
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'lead-1'))).toBe(true);
    expect(isStreamNotFound(other)).toBe(false);
  });
});
