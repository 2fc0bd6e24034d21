/** Exponential backoff bounds. */
export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * The delay before retry number `attempt` (1 for the first retry): doubling
 * from `initialDelayMs` up to `maxDelayMs`, then a random point in its upper
 * half. The jitter keeps the many runners of a fleet that lost the same
 * database from all coming back at the same instant.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * A sleep that `interrupt()` ends early, so stopping a runner never waits for
 * a backoff of several seconds to run out. An interrupt that comes before the
 * sleep starts is remembered: the next sleep returns at once.
 */
export class InterruptibleSleep {
  private wake?: () => void;
  private interrupted = false;

  sleep(ms: number): Promise<void> {
    if (this.interrupted) {
      this.interrupted = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wakeUp = (): void => {
        clearTimeout(timer);
        if (this.wake === wakeUp) {
          this.wake = undefined;
        }
        resolve();
      };
      const timer = setTimeout(wakeUp, ms);
      this.wake = wakeUp;
    });
  }

  interrupt(): void {
    if (this.wake) {
      this.wake();
    } else {
      this.interrupted = true;
    }
  }

  /** Forgets an interrupt no sleep took (a runner starting again). */
  reset(): void {
    this.interrupted = false;
  }
}
