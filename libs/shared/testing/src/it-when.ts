/**
 * `it` when the condition holds; otherwise a skipped test whose name says why,
 * so the reason shows in the run's list of skipped tests.
 */
export function itWhen(condition: boolean, reason: string): jest.It {
  if (condition) {
    return it;
  }
  const skipped = ((name: string, ...rest: unknown[]) =>
    (it.skip as (...args: unknown[]) => void)(`${name} [skipped: ${reason}]`, ...rest)) as unknown as jest.It;
  return skipped;
}
