import type { ProjectionFailure } from './projection-failure';

/**
 * - `idle`: not started, or stopped on purpose (shutdown, rebuild);
 * - `running`: following the log;
 * - `retrying`: the log or the database failed transiently; resuming from the
 *   checkpoint with backoff (it will catch up by itself);
 * - `stopped`: an event could not be applied; `failure` says which and why.
 */
export type ProjectionState = 'idle' | 'running' | 'retrying' | 'stopped';

/** A projection's health, for readiness checks and metrics. */
export interface ProjectionStatus {
  name: string;
  state: ProjectionState;
  /** The position of the last event applied (-1: none yet). */
  position: bigint;
  /** Set while `retrying`: since when, how many attempts so far, and the last cause. */
  retrying?: { since: Date; attempts: number; cause: string };
  /** Set when `stopped`. */
  failure?: ProjectionFailure;
  /** Retries since the runner was created: of reading the log, and of applying batches. */
  retries: { read: number; apply: number };
}
