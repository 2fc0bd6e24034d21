import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** What is being waited for, for the error message. */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
}

/**
 * Polls `probe` until it returns true, or throws naming what never happened.
 * Used for readiness of processes we start (broker, database), never in tests'
 * assertions (those use expectEventually from @leadrail/testing).
 */
export async function waitUntil(
  probe: () => Promise<boolean>,
  options: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await probe()) {
        return;
      }
    } catch (error) {
      lastError = error;
    }
    await sleep(options.intervalMs ?? 200);
  }
  const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
  throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}${cause}`);
}
