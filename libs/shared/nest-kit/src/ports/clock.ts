/** The time now: a port, so tests fix it and no handler calls `new Date()` itself. */
export interface Clock {
  now(): Date;
}

/** Injection token of the service's {@link Clock}. */
export const CLOCK = Symbol('CLOCK');

/** The system clock, the production {@link Clock}. */
export const systemClock: Clock = { now: () => new Date() };
