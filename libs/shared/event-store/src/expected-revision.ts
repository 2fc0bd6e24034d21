/**
 * The optimistic-concurrency condition of an append, as EventStoreDB defines it:
 * a revision (the stream's last event must be exactly that one), `no_stream`,
 * `stream_exists`, or `any` (no check; use only where order cannot matter).
 */
export type ExpectedRevision = bigint | 'no_stream' | 'stream_exists' | 'any';

export function describeExpectedRevision(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? `revision ${expected}` : expected;
}
