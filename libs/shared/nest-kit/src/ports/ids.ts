/** Injection token of the service's `IdGenerator` (`@leadrail/event-store`): new ids, never `randomUUID()` in a handler. */
export const IDS = Symbol('IDS');
