import type { RecordedEvent } from '@leadrail/event-store';
import { describeError } from './transient-errors';

/** Where in the log a projection stopped. */
export interface FailedEvent {
  position: bigint;
  streamName: string;
  revision: bigint;
  type: string;
  id: string;
}

/**
 * Why a projection stopped: an event it could not apply (its own code or a
 * non-transient error of its SQL), after a few attempts. The event is not
 * skipped and the checkpoint stays before it: once the projection is fixed, a
 * restart (or a rebuild) applies it.
 */
export class ProjectionFailure extends Error {
  override readonly name = 'ProjectionFailure';

  constructor(
    readonly projection: string,
    /** The event being applied; for a projection that applies whole batches, the batch's first. */
    readonly event: FailedEvent | undefined,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(
      `projection ${projection} stopped${event ? ` at ${describeEvent(event)}` : ''} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${describeError(cause)}`,
      { cause },
    );
    const causeStack = (cause as { stack?: unknown } | undefined)?.stack;
    if (typeof causeStack === 'string') {
      this.stack = `${this.name}: ${this.message}\ncaused by ${causeStack}`;
    }
  }
}

/** `partner-42@3 (PartnerRegistered, position 1048576)`. */
export function describeEvent(event: FailedEvent): string {
  return `${event.streamName}@${event.revision} (${event.type}, position ${event.position})`;
}

export function failedEvent(event: RecordedEvent): FailedEvent {
  return {
    position: event.position,
    streamName: event.streamName,
    revision: event.revision,
    type: event.type,
    id: event.id,
  };
}
