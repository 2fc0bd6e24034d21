import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { type RestartPolicy, decideRestart, describeExit } from './restart-policy';

/** One service as the launcher runs it. */
export interface ServiceSpec {
  name: string;
  /** Its entry point, relative to the workspace root. */
  script: string;
  env: NodeJS.ProcessEnv;
}

/** A running service process, for the watchdog. */
export interface RunningService {
  name: string;
  pid: number;
  script: string;
}

export interface SupervisorOptions {
  cwd: string;
  policy?: RestartPolicy;
  /** Told whenever the set of running processes changes (start, exit, restart). */
  onRunningChange?: (running: RunningService[]) => void;
  log: (line: string) => void;
}

/**
 * Runs each service as its own process and keeps it running: an unexpected
 * exit is reported and the service restarted after a backoff, until the
 * restart policy gives up (`gaveUp` then resolves with the reason and the
 * caller stops everything). Each child gets an IPC channel to this process:
 * should the launcher die, even by SIGKILL, the channel closes and the service
 * shuts itself down (see runService).
 */
export class ServiceSupervisor {
  /** Resolves with the reason when a service keeps crashing; never rejects. */
  readonly gaveUp: Promise<string>;
  private readonly children = new Map<string, ChildProcess>();
  private readonly pendingRestarts = new Set<NodeJS.Timeout>();
  private readonly unclean = new Set<string>();
  private stopping = false;
  private giveUp: (reason: string) => void = () => undefined;

  constructor(
    private readonly specs: readonly ServiceSpec[],
    private readonly options: SupervisorOptions,
  ) {
    this.gaveUp = new Promise((resolve) => {
      this.giveUp = resolve;
    });
  }

  start(): void {
    for (const spec of this.specs) {
      this.run(spec, 0);
    }
  }

  /**
   * Stops every service: SIGTERM (each shuts down gracefully), SIGKILL for any
   * still running after `graceMs`. Resolves once all have exited; true when
   * every one exited 0.
   */
  async stop(graceMs: number): Promise<boolean> {
    this.stopping = true;
    for (const timer of this.pendingRestarts) {
      clearTimeout(timer);
    }
    this.pendingRestarts.clear();
    await Promise.all(
      [...this.children.entries()].map(([name, child]) => this.stopChild(name, child, graceMs)),
    );
    return this.unclean.size === 0;
  }

  private run(spec: ServiceSpec, quickCrashesBefore: number): void {
    const startedAt = Date.now();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', spec.script], {
      cwd: this.options.cwd,
      env: spec.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.children.set(spec.name, child);
    this.reportRunning();
    child.once('error', (error) => {
      this.options.log(`${spec.name}: could not run ${spec.script}: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      this.children.delete(spec.name);
      this.reportRunning();
      if (this.stopping) {
        if (code !== 0) {
          this.unclean.add(spec.name);
        }
        this.options.log(`${spec.name} stopped (${describeExit({ code, signal })})`);
        return;
      }
      const exit = { code, signal, uptimeMs: Date.now() - startedAt };
      const decision = decideRestart(exit, quickCrashesBefore, this.options.policy);
      if (decision.action === 'give-up') {
        this.options.log(
          `${spec.name} exited unexpectedly (${describeExit(exit)}) and is not restarted: ${decision.reason}`,
        );
        this.giveUp(`${spec.name} ${decision.reason}`);
        return;
      }
      this.options.log(
        `${spec.name} exited unexpectedly (${describeExit(exit)}); restarting it in ${decision.delayMs / 1000} s`,
      );
      const timer = setTimeout(() => {
        this.pendingRestarts.delete(timer);
        this.run(spec, decision.quickCrashesInARow);
      }, decision.delayMs);
      this.pendingRestarts.add(timer);
    });
  }

  private async stopChild(name: string, child: ChildProcess, graceMs: number): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
      } else {
        child.once('exit', () => resolve());
      }
    });
    child.kill('SIGTERM');
    const outcome = await Promise.race([
      exited.then(() => 'exited'),
      sleep(graceMs, 'late', { ref: false }),
    ]);
    if (outcome === 'late') {
      this.options.log(`${name} did not stop within ${graceMs / 1000} s: killing it`);
      this.unclean.add(name);
      child.kill('SIGKILL');
      await exited;
    }
  }

  private reportRunning(): void {
    const running = this.specs.flatMap((spec) => {
      const pid = this.children.get(spec.name)?.pid;
      return pid === undefined ? [] : [{ name: spec.name, pid, script: spec.script }];
    });
    this.options.onRunningChange?.(running);
  }
}
