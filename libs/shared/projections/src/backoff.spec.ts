import { InterruptibleSleep, backoffDelay } from './backoff';

describe(backoffDelay.name, () => {
  const policy = { initialDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles from the initial delay up to the maximum', () => {
    const highest = (attempt: number) => backoffDelay(attempt, policy, () => 1);
    expect([1, 2, 3, 4, 5, 50].map(highest)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('jitters within the upper half of the ceiling', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(200);
    const delays = Array.from({ length: 200 }, () => backoffDelay(3, policy));
    expect(delays.every((delay) => delay >= 200 && delay <= 400)).toBe(true);
    expect(new Set(delays).size).toBeGreaterThan(10);
  });
});

describe(InterruptibleSleep.name, () => {
  it('ends a long sleep when interrupted', async () => {
    const pause = new InterruptibleSleep();
    const started = Date.now();
    const sleeping = pause.sleep(60_000);
    pause.interrupt();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe(InterruptibleSleep.name, () => {
  it('ends a sleep at once when interrupted during it', async () => {
    const pause = new InterruptibleSleep();
    const started = Date.now();
    const sleeping = pause.sleep(10_000);
    pause.interrupt();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('remembers an interrupt that came before the sleep, until reset', async () => {
    const pause = new InterruptibleSleep();
    pause.interrupt();
    const started = Date.now();
    await pause.sleep(10_000);
    expect(Date.now() - started).toBeLessThan(1_000);

    pause.interrupt();
    pause.reset();
    const timed = await Promise.race([
      pause.sleep(200).then(() => 'slept'),
      new Promise((resolve) => setTimeout(() => resolve('still sleeping'), 50)),
    ]);
    expect(timed).toBe('still sleeping');
  });
});
