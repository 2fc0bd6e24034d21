/**
 * The shape of a decider (`@leadrail/event-store`'s `Decider`), restated so
 * domain libraries' tests can use this without depending on the platform.
 */
export interface SpecifiedDecider<Command, Event, State> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

/** The outcome half of a decider specification: `then(events)` or `thenThrows(...)`. */
export interface DeciderThen<Event> {
  /** The command decides exactly these events (none: it changes nothing). */
  then(expected: Event[]): void;
  /**
   * The command is refused: with an error of this class, or carrying this
   * `code`, or matching these properties (`{ code, field }`).
   */
  thenThrows(expected: (new (...args: never[]) => Error) | string | Record<string, unknown>): void;
}

/**
 * Decider tests as given events / when command / then events or error:
 *
 * ```ts
 * const spec = deciderSpecification(partnerAggregate);
 * spec.given([registered()]).when(pause).then([deliveriesPaused]);
 * spec.given([]).when(pause).thenThrows(PartnerErrorCode.PARTNER_NOT_REGISTERED);
 * ```
 */
export function deciderSpecification<Command, Event, State>(
  decider: SpecifiedDecider<Command, Event, State>,
) {
  return {
    given(events: Event[]) {
      return {
        when(command: Command): DeciderThen<Event> {
          const decide = (): Event[] =>
            decider.decide(
              command,
              events.reduce((state, event) => decider.evolve(state, event), decider.initialState()),
            );
          return {
            then(expected) {
              expect(decide()).toEqual(expected);
            },
            thenThrows(expected) {
              let thrown: unknown;
              try {
                const decided = decide();
                thrown = new Error(`decided ${JSON.stringify(decided)} instead of refusing`);
              } catch (error) {
                thrown = error;
              }
              if (typeof expected === 'string') {
                expect(thrown).toMatchObject({ code: expected });
              } else if (typeof expected === 'function') {
                expect(thrown).toBeInstanceOf(expected);
              } else {
                expect(thrown).toMatchObject(expected);
              }
            },
          };
        },
      };
    },
  };
}
