/**
 * Calls `stop` with a reason on every request to stop the process: SIGTERM
 * (orchestrators), SIGINT (Ctrl-C), and, when a parent started this process
 * with an IPC channel (`npm start`'s launcher does), that channel closing. The
 * channel closes when the parent exits for any reason, SIGKILL included, so a
 * service never outlives the launcher that supervises it. Repeated requests
 * reach `stop` too (it ignores them): a second Ctrl-C must not kill the
 * process in the middle of its graceful shutdown.
 */
export function onStopRequest(stop: (reason: string) => void): void {
  process.on('SIGTERM', () => stop('SIGTERM received'));
  process.on('SIGINT', () => stop('SIGINT received'));
  if (process.send !== undefined) {
    process.once('disconnect', () => stop('the parent process is gone'));
    // Listening must not keep a process alive that has nothing else to do.
    process.channel?.unref();
  }
}
