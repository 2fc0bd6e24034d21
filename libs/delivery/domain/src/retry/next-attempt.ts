/** How often and how soon a delivery that ran into trouble is tried again. */
export interface RetryPolicy {
  /** Attempts per channel, the first included. */
  maxAttempts: number;
  /** The wait before the second attempt, doubled after each (before jitter). */
  baseDelayMs: number;
  /** The longest wait between two attempts, Retry-After included. */
  maxDelayMs: number;
}

/** Six attempts over about 16 minutes: 30 s, 1, 2, 4, 8 min, before jitter. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 30_000,
  maxDelayMs: 30 * 60_000,
};

/**
 * When to try again after attempt `attempt` ran into trouble, or null when
 * no attempts are left. Exponential back-off with "equal jitter" (half the
 * delay fixed, half random), so partners recovering from an outage are not
 * hit by every delivery at the same instant, while no retry comes sooner
 * than half its delay. A partner's Retry-After (seconds or an HTTP date, on
 * a 429 or 503) is honoured when longer, up to `maxDelayMs`.
 */
export function nextAttemptAt(
  attempt: number,
  now: Date,
  policy: RetryPolicy,
  options: { retryAfter?: string | null; random: () => number },
): Date | null {
  if (attempt >= policy.maxAttempts) {
    return null;
  }
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exponential / 2 + (exponential / 2) * options.random();
  const asked = retryAfterMs(options.retryAfter ?? null, now);
  const delay = Math.min(policy.maxDelayMs, Math.max(jittered, asked ?? 0));
  return new Date(now.getTime() + Math.round(delay));
}

/** A Retry-After header's wait in milliseconds (delta-seconds or an HTTP date); null when absent or malformed. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (header === null || header.trim() === '') {
    return null;
  }
  const text = header.trim();
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  // An HTTP date is always in GMT (RFC 9110); anything else is not one.
  const at = text.endsWith('GMT') ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
