/**
 * Back-off after failed portal sign-ins, as pure functions over one subject's
 * count (a login email, or a client address). Every attempt is counted before
 * its password is checked, so a burst of parallel guesses cannot all slip in
 * before the first failure is recorded; a success then takes its count back.
 */

/** How many failures a subject may have, and how long refusals last. */
export interface BackoffPolicy {
  /** Failures, each within `windowMs` of the last (or of the lock's end), before refusals start. */
  failures: number;
  windowMs: number;
  /** The first refusal; each further failure doubles it, up to 64 times. */
  baseLockMs: number;
}

/** One subject's failures. */
export interface FailureCount {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export const NO_FAILURES: FailureCount = { failures: 0, lastFailureAt: null, lockedUntil: null };

const MAX_DOUBLINGS = 6;

/** Until when the subject is refused, if it is now. */
export function lockedUntil(count: FailureCount, now: Date): Date | null {
  return count.lockedUntil !== null && count.lockedUntil > now ? count.lockedUntil : null;
}

/**
 * The count once an attempt is admitted (call only when not locked). The
 * window runs from the last failure or the lock's end, whichever is later, so
 * a lock longer than the window does not wipe the count and the back-off keeps growing.
 */
export function countAttempt(count: FailureCount, now: Date, policy: BackoffPolicy): FailureCount {
  const since = Math.max(count.lastFailureAt?.getTime() ?? 0, count.lockedUntil?.getTime() ?? 0);
  const failures = (now.getTime() - since >= policy.windowMs ? 0 : count.failures) + 1;
  const beyond = failures - policy.failures;
  return {
    failures,
    lastFailureAt: now,
    lockedUntil:
      beyond >= 0
        ? new Date(now.getTime() + policy.baseLockMs * 2 ** Math.min(beyond, MAX_DOUBLINGS))
        : count.lockedUntil,
  };
}

/**
 * A counted attempt turned out right: its count is taken back. The lock it
 * caused goes too; one caused by other failures stays.
 */
export function forgetAttempt(count: FailureCount, policy: BackoffPolicy): FailureCount {
  const failures = Math.max(count.failures - 1, 0);
  return {
    ...count,
    failures,
    lockedUntil: failures >= policy.failures ? count.lockedUntil : null,
  };
}

/** The longest refusal the policy can give. */
export function longestLockMs(policy: BackoffPolicy): number {
  return policy.baseLockMs * 2 ** MAX_DOUBLINGS;
}

/** Whole seconds until `until`, at least 1: the `Retry-After` value. */
export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
