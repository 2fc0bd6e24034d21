/** How often the launcher checks that the process that started it still exists. */
const PARENT_POLL_MS = 1_000;

/**
 * Resolves with a reason at the first request to stop the launcher: SIGTERM
 * or SIGINT (npm forwards both to the launcher, which `exec` in the start
 * script makes its direct child), SIGHUP (the terminal closed), or the parent
 * process going away (npm killed with SIGKILL: the launcher is re-parented).
 * Later requests are ignored, so a second Ctrl-C does not cut the graceful
 * stop short.
 */
export function stopRequested(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      process.on(signal, () => resolve(`${signal} received`));
    }
    const parent = process.ppid;
    const timer = setInterval(() => {
      if (process.ppid !== parent) {
        clearInterval(timer);
        resolve(`the parent process ${parent} is gone`);
      }
    }, PARENT_POLL_MS);
    timer.unref();
  });
}
