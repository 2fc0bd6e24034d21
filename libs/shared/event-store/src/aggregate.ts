import type { Decider, DomainEvent } from './decider';

/**
 * An event-sourced aggregate: its decider, the stream each instance lives in,
 * and how to tell its own events from others. Everything the shared helpers
 * need to load it and run its commands (loadAggregate, commandHandler).
 */
export interface Aggregate<Command, Event extends DomainEvent, State> extends Decider<
  Command,
  Event,
  State
> {
  /** The stream of one instance: `<category>-<id>`, made by the aggregate's one helper. */
  streamName(id: string): string;
  /** Whether a recorded event is one of the aggregate's own: reads are typed by it, not by casts. */
  isEvent(event: DomainEvent): event is Event;
}

/** The event types an aggregate knows, as the type guard its definition needs. */
export function eventTypeGuard<Event extends DomainEvent>(
  types: readonly Event['type'][],
): (event: DomainEvent) => event is Event {
  const known = new Set<string>(types);
  return (event): event is Event => known.has(event.type);
}
