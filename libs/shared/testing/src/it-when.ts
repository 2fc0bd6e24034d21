/**
 * A test that runs when the condition holds; otherwise a skipped test whose
 * name says why, so the reason shows in the run's list of skipped tests.
 */
export function itWhen(
  condition: boolean,
  reason: string,
  name: string,
  test: () => Promise<void>,
  timeoutMs?: number,
): void {
  if (condition) {
    it(name, test, timeoutMs);
  } else {
    it.skip(`${name} [skipped: ${reason}]`, test, timeoutMs);
  }
}
