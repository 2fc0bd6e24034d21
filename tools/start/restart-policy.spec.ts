import { type RestartPolicy, decideRestart, describeExit } from './restart-policy';

const policy: RestartPolicy = {
  quickCrashMs: 10_000,
  maxQuickCrashes: 3,
  initialDelayMs: 1_000,
  maxDelayMs: 3_000,
};

describe(decideRestart.name, () => {
  it('restarts a quick crash after the initial delay, then doubles the delay up to the cap', () => {
    const crash = { code: 1, signal: null, uptimeMs: 500 };
    expect(decideRestart(crash, 0, policy)).toEqual({
      action: 'restart',
      delayMs: 1_000,
      quickCrashesInARow: 1,
    });
    expect(decideRestart(crash, 1, policy)).toEqual({
      action: 'restart',
      delayMs: 2_000,
      quickCrashesInARow: 2,
    });
    expect(decideRestart(crash, 1, { ...policy, maxQuickCrashes: 10 })).toMatchObject({
      delayMs: 2_000,
    });
    expect(decideRestart(crash, 5, { ...policy, maxQuickCrashes: 10 })).toMatchObject({
      delayMs: 3_000,
    });
  });

  it('gives up after the allowed number of quick crashes in a row', () => {
    const decision = decideRestart({ code: 1, signal: null, uptimeMs: 500 }, 2, policy);
    expect(decision).toEqual({
      action: 'give-up',
      reason: 'it crashed 3 times in a row, each within 10 s of starting',
    });
  });

  it('forgets earlier quick crashes once a run lasted long enough', () => {
    expect(decideRestart({ code: null, signal: 'SIGKILL', uptimeMs: 60_000 }, 2, policy)).toEqual({
      action: 'restart',
      delayMs: 1_000,
      quickCrashesInARow: 0,
    });
  });

  it('never restarts a service whose configuration is invalid', () => {
    expect(decideRestart({ code: 78, signal: null, uptimeMs: 100 }, 0, policy)).toMatchObject({
      action: 'give-up',
      reason: expect.stringContaining('configuration is invalid') as unknown,
    });
  });
});

describe(describeExit.name, () => {
  it('names the signal when there is one, else the code', () => {
    expect(describeExit({ code: null, signal: 'SIGTERM' })).toBe('SIGTERM');
    expect(describeExit({ code: 1, signal: null })).toBe('code 1');
  });
});
