import { DEFAULT_RETRY_POLICY, nextAttemptAt, retryAfterMs } from './next-attempt';

const NOW = new Date('2026-11-25T09:00:00.000Z');
const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 10_000 };
const after = (attempt: number, random: number, retryAfter: string | null = null) =>
  nextAttemptAt(attempt, NOW, policy, { random: () => random, retryAfter })?.getTime() ?? null;

describe(nextAttemptAt.name, () => {
  it('doubles the wait with jitter between half and all of it', () => {
    expect(after(1, 0)).toBe(NOW.getTime() + 500);
    expect(after(1, 1)).toBe(NOW.getTime() + 1000);
    expect(after(3, 0.5)).toBe(NOW.getTime() + 3000);
  });

  it('gives up after the last attempt', () => {
    expect(after(4, 0.5)).toBeNull();
    expect(nextAttemptAt(6, NOW, DEFAULT_RETRY_POLICY, { random: () => 0 })).toBeNull();
  });

  it('honours a longer Retry-After, never past the longest wait', () => {
    expect(after(1, 0, '5')).toBe(NOW.getTime() + 5000);
    expect(after(1, 0, '3600')).toBe(NOW.getTime() + 10_000);
    expect(after(1, 1, 'Wed, 25 Nov 2026 09:00:07 GMT')).toBe(NOW.getTime() + 7000);
    expect(after(1, 1, 'soon')).toBe(NOW.getTime() + 1000);
  });
});

describe(retryAfterMs.name, () => {
  it('reads seconds and HTTP dates, nothing else', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs('Wed, 25 Nov 2026 08:59:00 GMT', NOW)).toBe(0);
    expect(retryAfterMs('-1', NOW)).toBeNull();
    expect(retryAfterMs(null, NOW)).toBeNull();
  });
});
