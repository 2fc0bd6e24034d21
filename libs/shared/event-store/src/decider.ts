/** A domain event before it is recorded: what decide returns and evolve folds. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/**
 * An aggregate's pure logic (ARCHITECTURE.md, "Event sourcing"): `decide` turns
 * a command and the current state into events or throws a domain error;
 * `evolve` folds one event into the state. Neither reads a clock or does I/O.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}
