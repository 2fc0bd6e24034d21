/**
 * Whether two setting values are structurally equal (plain data: primitives,
 * arrays, objects; key order ignored). A command that repeats the current value
 * decides no event, so a retried request changes nothing twice.
 */
export function isUnchanged(current: unknown, next: unknown): boolean {
  if (Object.is(current, next)) {
    return true;
  }
  if (
    typeof current !== 'object' ||
    typeof next !== 'object' ||
    current === null ||
    next === null
  ) {
    return false;
  }
  if (Array.isArray(current) !== Array.isArray(next)) {
    return false;
  }
  const currentRecord = current as Record<string, unknown>;
  const nextRecord = next as Record<string, unknown>;
  const keys = Object.keys(currentRecord);
  if (keys.length !== Object.keys(nextRecord).length) {
    return false;
  }
  return keys.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(nextRecord, key) &&
      isUnchanged(currentRecord[key], nextRecord[key]),
  );
}

/** `[event]` when the setting changes from `current` to `next`; no event when it stays. */
export function eventIfChanged<Event>(current: unknown, next: unknown, event: Event): Event[] {
  return isUnchanged(current, next) ? [] : [event];
}
