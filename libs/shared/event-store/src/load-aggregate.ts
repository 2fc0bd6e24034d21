import type { Aggregate } from './aggregate';
import type { DomainEvent } from './decider';
import { UnknownEventTypeError } from './errors';
import type { EventStore } from './event-store';

/** An aggregate as its stream says now. */
export interface LoadedAggregate<State> {
  state: State;
  /** The stream's last revision (what an If-Match names); undefined when it does not exist. */
  revision: bigint | undefined;
}

/**
 * Reads an aggregate's stream and folds it with the aggregate's own evolve.
 * An event type the aggregate does not know stops the load: state built past
 * it would be wrong (the log is newer than this code).
 */
export async function loadAggregate<Command, Event extends DomainEvent, State>(
  store: EventStore,
  aggregate: Aggregate<Command, Event, State>,
  id: string,
): Promise<LoadedAggregate<State>> {
  const { state, revision } = await loadAggregateWithIds(store, aggregate, id);
  return { state, revision };
}

/** {@link loadAggregate}, with the ids of the events read (to tell a redelivered cause). */
export async function loadAggregateWithIds<Command, Event extends DomainEvent, State>(
  store: EventStore,
  aggregate: Aggregate<Command, Event, State>,
  id: string,
): Promise<LoadedAggregate<State> & { eventIds: Set<string> }> {
  const stream = aggregate.streamName(id);
  const recorded = await store.readStream(stream);
  let state = aggregate.initialState();
  for (const { type, data } of recorded) {
    const event = { type, data };
    if (!aggregate.isEvent(event)) {
      throw new UnknownEventTypeError(stream, type);
    }
    state = aggregate.evolve(state, event);
  }
  return {
    state,
    revision: recorded.at(-1)?.revision,
    eventIds: new Set(recorded.map((event) => event.id)),
  };
}
