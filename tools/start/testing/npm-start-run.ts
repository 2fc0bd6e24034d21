import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SERVICES } from '../launcher-options';
import { readProcessTable } from './process-table';

const workspaceRoot = resolve(__dirname, '../../..');

/** Variables that would make `npm start` use the test run's stack instead of starting its own. */
const INHERITED_STACK = [
  'DATABASE_URL',
  'KAFKA_BROKERS',
  'LEADRAIL_LOCAL_STACK_DIR',
  'LEADRAIL_STACK_OWNED_BY_JEST',
];

/** One `npm start`, run as a user would, with its output in a file. */
export class NpmStartRun {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly npm: ChildProcess;

  constructor(
    readonly stateDir: string,
    readonly basePort: number,
    readonly logFile: string,
  ) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LEADRAIL_STATE_DIR: stateDir,
      LEADRAIL_BASE_PORT: String(basePort),
      LOG_LEVEL: 'warn',
    };
    for (const name of INHERITED_STACK) {
      delete env[name];
    }
    const log = openSync(logFile, 'a');
    try {
      this.npm = spawn('npm', ['start'], { cwd: workspaceRoot, env, stdio: ['ignore', log, log] });
    } finally {
      closeSync(log);
    }
    this.exited = new Promise((done) =>
      this.npm.once('exit', (code, signal) => done({ code, signal })),
    );
  }

  get pid(): number {
    return this.npm.pid!;
  }

  signal(signal: NodeJS.Signals): void {
    this.npm.kill(signal);
  }

  output(): string {
    return readFileSync(this.logFile, 'utf8');
  }

  /** The last lines of the output, for a failure message. */
  tail(lines = 40): string {
    return this.output().split('\n').slice(-lines).join('\n');
  }

  /** Resolves once every service answers 200 on /health/ready; fails early if npm exits. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    while (Date.now() < deadline) {
      if (exited) {
        throw new Error(`npm start exited before all services were ready:\n${this.tail()}`);
      }
      const statuses = await Promise.all(SERVICES.map((_, index) => this.readiness(index)));
      if (statuses.every((status) => status === 200)) {
        return;
      }
      await sleep(1_000);
    }
    throw new Error(`not all services were ready within ${timeoutMs} ms:\n${this.tail()}`);
  }

  /** The launcher: npm's child running tools/start-local.ts (npm runs it with `exec`). */
  launcherPid(): number {
    const launcher = readProcessTable().find(
      (info) => info.ppid === this.pid && info.commandLine.includes('tools/start-local.ts'),
    );
    if (!launcher) {
      throw new Error(`no launcher process under npm (pid ${this.pid})`);
    }
    return launcher.pid;
  }

  private async readiness(index: number): Promise<number> {
    try {
      const response = await fetch(`http://127.0.0.1:${this.basePort + index}/health/ready`, {
        signal: AbortSignal.timeout(3_000),
      });
      return response.status;
    } catch {
      return 0;
    }
  }
}

/** A log file beside (not in) the state folder, which must start empty. */
export function logFileFor(logDir: string, label: string): string {
  return join(logDir, `${label}.log`);
}
