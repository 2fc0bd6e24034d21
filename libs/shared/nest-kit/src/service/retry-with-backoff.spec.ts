import { type RetryNotice, retryWithBackoff } from './retry-with-backoff';

const fast = { initialDelayMs: 1, maxDelayMs: 4 };
const transient = (error: unknown) => (error as Error).message === 'not yet';

describe(retryWithBackoff.name, () => {
  it('retries transient failures, telling the caller before each wait, until the task succeeds', async () => {
    const notices: RetryNotice[] = [];
    let calls = 0;
    const result = await retryWithBackoff(
      () => {
        calls += 1;
        return calls < 3 ? Promise.reject(new Error('not yet')) : Promise.resolve('up');
      },
      { what: 'the thing', isTransient: transient, onRetry: (n) => notices.push(n), backoff: fast },
    );
    expect(result).toBe('up');
    expect(notices.map((notice) => [notice.what, notice.attempt])).toEqual([
      ['the thing', 1],
      ['the thing', 2],
    ]);
    expect(notices.every((notice) => notice.delayMs <= fast.maxDelayMs)).toBe(true);
  });

  it('throws any other failure at once', async () => {
    const onRetry = jest.fn();
    await expect(
      retryWithBackoff(() => Promise.reject(new Error('password rejected')), {
        what: 'the thing',
        isTransient: transient,
        onRetry,
        backoff: fast,
      }),
    ).rejects.toThrow('password rejected');
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('stops waiting as soon as the signal aborts', async () => {
    const stop = new AbortController();
    const started = Date.now();
    const waiting = retryWithBackoff(() => Promise.reject(new Error('not yet')), {
      what: 'the thing',
      isTransient: transient,
      onRetry: () => stop.abort(),
      signal: stop.signal,
      backoff: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives up with the last error after its timeout', async () => {
    await expect(
      retryWithBackoff(() => Promise.reject(new Error('not yet')), {
        what: 'the thing',
        isTransient: transient,
        onRetry: () => undefined,
        backoff: { initialDelayMs: 20, maxDelayMs: 20 },
        timeoutMs: 50,
      }),
    ).rejects.toThrow('not yet');
  });
});
