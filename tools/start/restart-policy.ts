/**
 * What `npm start` does when a service exits without being asked to: report
 * it and start it again after a backoff; give up, stopping everything, when it
 * keeps crashing soon after starting (a crash loop a restart will not fix).
 */
export interface RestartPolicy {
  /** A run shorter than this ends in a "quick" crash. */
  quickCrashMs: number;
  /** This many quick crashes in a row and the launcher gives up. */
  maxQuickCrashes: number;
  /** Backoff before a restart: doubling per quick crash in a row, capped. */
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  quickCrashMs: 60_000,
  maxQuickCrashes: 5,
  initialDelayMs: 1_000,
  maxDelayMs: 16_000,
};

/** How one run of a service ended. */
export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  uptimeMs: number;
}

export type RestartDecision =
  | { action: 'restart'; delayMs: number; quickCrashesInARow: number }
  | { action: 'give-up'; reason: string };

/** Exit code of a service whose configuration is invalid (see runService). */
const INVALID_CONFIG = 78;

/**
 * Decides what follows an unexpected exit, given how many quick crashes in a
 * row preceded it. A run that lasted past `quickCrashMs` resets the count, so
 * an occasional crash is always restarted; an invalid configuration is never
 * retried, since only an operator can fix it.
 */
export function decideRestart(
  exit: ServiceExit,
  quickCrashesBefore: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): RestartDecision {
  if (exit.code === INVALID_CONFIG) {
    return {
      action: 'give-up',
      reason: `its configuration is invalid (exit ${INVALID_CONFIG}); a restart cannot fix that`,
    };
  }
  const quickCrashesInARow = exit.uptimeMs < policy.quickCrashMs ? quickCrashesBefore + 1 : 0;
  if (quickCrashesInARow >= policy.maxQuickCrashes) {
    return {
      action: 'give-up',
      reason: `it crashed ${quickCrashesInARow} times in a row, each within ${Math.round(policy.quickCrashMs / 1000)} s of starting`,
    };
  }
  const exponent = Math.max(quickCrashesInARow - 1, 0);
  const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
  return { action: 'restart', delayMs, quickCrashesInARow };
}

/** "code 1", "SIGKILL": how a child exited, for a log line. */
export function describeExit(exit: Pick<ServiceExit, 'code' | 'signal'>): string {
  return exit.signal ?? `code ${String(exit.code)}`;
}
