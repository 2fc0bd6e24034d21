import {
  type BackoffPolicy,
  NO_FAILURES,
  countAttempt,
  forgetAttempt,
  lockedUntil,
  retryAfterSeconds,
} from './sign-in-backoff';

const policy: BackoffPolicy = { failures: 3, windowMs: 60_000, baseLockMs: 10_000 };
const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, 0) + seconds * 1000);

function failuresAt(...seconds: number[]) {
  return seconds.reduce((count, second) => countAttempt(count, at(second), policy), NO_FAILURES);
}

describe(countAttempt.name, () => {
  it('locks on the failure that reaches the limit, for the base time', () => {
    const twice = failuresAt(0, 1);
    expect(lockedUntil(twice, at(2))).toBeNull();
    const thrice = countAttempt(twice, at(2), policy);
    expect(lockedUntil(thrice, at(2))).toEqual(at(12));
    expect(lockedUntil(thrice, at(12))).toBeNull();
  });

  it('doubles the lock with every further failure, up to 64 times the base', () => {
    const locks = [2, 13, 34, 75, 156, 317, 638, 1279].reduce<{
      count: typeof NO_FAILURES;
      ends: number[];
    }>(
      ({ count, ends }, second) => {
        const next = countAttempt(count, at(second), policy);
        return {
          count: next,
          ends: [...ends, (next.lockedUntil!.getTime() - at(second).getTime()) / 1000],
        };
      },
      { count: failuresAt(0, 1), ends: [] },
    );
    expect(locks.ends).toEqual([10, 20, 40, 80, 160, 320, 640, 640]);
  });

  it('forgets failures once the window has passed since the last one or the end of the lock', () => {
    expect(countAttempt(failuresAt(0, 1), at(61), policy).failures).toBe(1);
    const locked = failuresAt(0, 1, 2);
    // Locked until 12 s; the window runs from there, so 70 s still counts.
    expect(countAttempt(locked, at(70), policy).failures).toBe(4);
    expect(countAttempt(locked, at(72), policy).failures).toBe(1);
  });
});

describe(forgetAttempt.name, () => {
  it('takes back a counted attempt, and the lock it caused', () => {
    const locked = failuresAt(0, 1, 2);
    expect(forgetAttempt(locked, policy)).toMatchObject({ failures: 2, lockedUntil: null });
  });

  it('keeps a lock that earlier failures caused', () => {
    const beyond = failuresAt(0, 1, 2, 13);
    expect(forgetAttempt(beyond, policy)).toMatchObject({
      failures: 3,
      lockedUntil: beyond.lockedUntil,
    });
  });
});

describe(retryAfterSeconds.name, () => {
  it('rounds up to whole seconds, and is at least 1', () => {
    expect(retryAfterSeconds(at(10.2), at(0))).toBe(11);
    expect(retryAfterSeconds(at(0.001), at(0))).toBe(1);
  });
});
