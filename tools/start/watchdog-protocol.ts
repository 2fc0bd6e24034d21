import type { StartedParts } from '@leadrail/local-infra';
import type { RunningService } from './service-supervisor';

/** Launcher to watchdog: what to clean up should the launcher die. */
export type ToWatchdog =
  | { type: 'watch'; launcherPid: number; started: StartedParts }
  | { type: 'services'; running: RunningService[] }
  /** The launcher stopped everything itself: the watchdog exits without doing anything. */
  | { type: 'release' };

/** Watchdog to launcher: it holds the first `watch` message and is watching. */
export type FromWatchdog = { type: 'watching'; pid: number };

export function isToWatchdog(message: unknown): message is ToWatchdog {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'watch' || type === 'services' || type === 'release';
}
