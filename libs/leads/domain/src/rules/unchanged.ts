/**
 * Whether two plain values (primitives, arrays, objects; key order ignored)
 * are equal. A redelivered command that would record what is already there
 * decides no event, so retries are safe.
 */
export function isUnchanged(current: unknown, next: unknown): boolean {
  if (Object.is(current, next)) {
    return true;
  }
  if (typeof current !== 'object' || typeof next !== 'object' || !current || !next) {
    return false;
  }
  if (Array.isArray(current) !== Array.isArray(next)) {
    return false;
  }
  const a = current as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && isUnchanged(a[key], b[key]))
  );
}
