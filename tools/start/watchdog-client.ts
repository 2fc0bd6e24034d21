import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { StartedParts } from '@leadrail/local-infra';
import type { RunningService } from './service-supervisor';
import type { FromWatchdog, ToWatchdog } from './watchdog-protocol';

const READY_TIMEOUT_MS = 60_000;

/**
 * The launcher's side of its watchdog (tools/start/watchdog.ts): starts it in
 * a session of its own, tells it what to clean up, and releases it once the
 * launcher has cleaned up itself.
 */
export class WatchdogClient {
  private constructor(
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {}

  /** Starts the watchdog and resolves once it is watching. */
  static async start(options: {
    cwd: string;
    stateDir: string;
    env: NodeJS.ProcessEnv;
    started: StartedParts;
  }): Promise<WatchdogClient> {
    const logFile = join(options.stateDir, 'watchdog.log');
    const log = openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(
        process.execPath,
        ['-r', '@swc-node/register', join('tools', 'start', 'watchdog.ts')],
        // detached: a session of its own, out of reach of signals to the launcher's group.
        { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', log, log, 'ipc'] },
      );
    } finally {
      closeSync(log);
    }
    const watchdog = new WatchdogClient(child, logFile);
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error): void => {
        // A watchdog that never said it watches must not linger and "clean up" later.
        child.kill('SIGKILL');
        reject(error);
      };
      const timer = setTimeout(
        () =>
          fail(
            new Error(`the watchdog did not start within ${READY_TIMEOUT_MS} ms (log: ${logFile})`),
          ),
        READY_TIMEOUT_MS,
      );
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`the watchdog exited (code ${String(code)}; log: ${logFile})`));
      });
      child.on('message', (message) => {
        if ((message as FromWatchdog | null)?.type === 'watching') {
          clearTimeout(timer);
          resolve();
        }
      });
      watchdog.send({ type: 'watch', launcherPid: process.pid, started: options.started });
    });
    // From here on the launcher's own exit must not wait for the watchdog.
    child.removeAllListeners('exit');
    child.unref();
    child.channel?.unref();
    return watchdog;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  services(running: RunningService[]): void {
    this.send({ type: 'services', running });
  }

  /** Everything is stopped: the watchdog exits without doing anything. */
  release(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.child.connected) {
        resolve();
        return;
      }
      this.child.send({ type: 'release' } satisfies ToWatchdog, () => {
        this.child.disconnect();
        resolve();
      });
    });
  }

  private send(message: ToWatchdog): void {
    if (this.child.connected) {
      this.child.send(message);
    }
  }
}
