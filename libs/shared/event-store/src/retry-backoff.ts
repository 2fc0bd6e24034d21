/** How long to wait between attempts: exponential, capped, with full jitter. */
export interface BackoffOptions {
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * The delay before retry `attempt` (1 for the first retry): a random time up
 * to the exponential step. Full jitter spreads writers that collided, so they
 * do not collide again on the next attempt in lock step.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const step = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * step);
}
