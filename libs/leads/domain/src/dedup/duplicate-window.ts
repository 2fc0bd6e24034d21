import type { DuplicateWindow } from './duplicate-rule';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether an earlier lead received at `earlierAt` is still inside a rule's
 * window at `now` (both UTC instants): the last N days are N × 24 hours back,
 * so the answer does not depend on a time zone. The claim adapter asks this
 * of the lead a key's claim stream names.
 */
export function isWithinWindow(window: DuplicateWindow, earlierAt: string, now: string): boolean {
  switch (window.type) {
    case 'all-time':
      return true;
    case 'days':
      return Date.parse(now) - Date.parse(earlierAt) < window.days * DAY_MS;
    default: {
      const _exhaustive: never = window;
      return _exhaustive;
    }
  }
}
