import { setTimeout as sleep } from 'node:timers/promises';
import { type BackoffPolicy, backoffDelay } from '@leadrail/projections';

/** What a caller is told before each wait: enough for one log line. */
export interface RetryNotice {
  /** What is waited for, e.g. "PostgreSQL at 127.0.0.1:5432". */
  what: string;
  /** The attempt that just failed, from 1. */
  attempt: number;
  /** How long until the next attempt. */
  delayMs: number;
  error: unknown;
}

/** How one wait-and-retry loop behaves. */
export interface RetryOptions {
  /** What is waited for, for the notice. */
  what: string;
  /** Failures worth waiting out (unreachable, still starting); any other error is thrown at once. */
  isTransient: (error: unknown) => boolean;
  /** Called before each wait; start-up logs one warn line per call. */
  onRetry: (notice: RetryNotice) => void;
  /** Ends the wait early (SIGTERM during start-up): the loop then rejects with an AbortError. */
  signal?: AbortSignal;
  /** Default: 250 ms doubling up to 10 s. */
  backoff?: BackoffPolicy;
  /** Gives up with the last error once this much time has passed; default: waits as long as it takes. */
  timeoutMs?: number;
}

const DEFAULT_BACKOFF: BackoffPolicy = { initialDelayMs: 250, maxDelayMs: 10_000 };

/**
 * Runs `task` until it succeeds, waiting with exponential backoff after each
 * transient failure. Start-up uses it so that a service that comes up before
 * its database or broker waits for them instead of exiting, and so that a
 * stop request while waiting is honoured at once.
 */
export async function retryWithBackoff<T>(
  task: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const startedAt = Date.now();
  for (let attempt = 1; ; attempt += 1) {
    options.signal?.throwIfAborted();
    try {
      return await task(attempt);
    } catch (error) {
      options.signal?.throwIfAborted();
      if (!options.isTransient(error)) {
        throw error;
      }
      const delayMs = backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF);
      if (options.timeoutMs !== undefined && Date.now() - startedAt + delayMs > options.timeoutMs) {
        throw error;
      }
      options.onRetry({ what: options.what, attempt, delayMs, error });
      await sleep(delayMs, undefined, { signal: options.signal });
    }
  }
}
