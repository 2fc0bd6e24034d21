import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** True when a process with this PID exists (and is not a zombie we own). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An exited child not yet reaped still answers signal 0: read its state.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** The process's command line, arguments separated by spaces ('' when it cannot be read). */
export function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/**
 * Starts a long-lived server process detached from the caller, with its output
 * in a log file, so it outlives the script (or Jest worker) that started it and
 * is stopped later by its PID.
 */
export function spawnDetached(
  command: string,
  args: string[],
  options: { logFile: string; cwd?: string; env?: NodeJS.ProcessEnv },
): number {
  const log = openSync(options.logFile, 'a');
  try {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', log, log],
    });
    if (child.pid === undefined) {
      throw new Error(`could not start ${command}`);
    }
    child.unref();
    return child.pid;
  } finally {
    closeSync(log);
  }
}

/** Sends SIGTERM (a clean shutdown for Kafka and PostgreSQL) and waits for the exit, then SIGKILL. */
export async function stopProcess(pid: number, graceMs = 20_000): Promise<void> {
  if (!isProcessAlive(pid)) {
    return;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) {
      return;
    }
    await sleep(100);
  }
  process.kill(pid, 'SIGKILL');
}

/** Fails with a readable message when a required command-line tool is not installed. */
export function requireCommand(command: string, versionFlag: string, why: string): void {
  const result = spawnSync(command, [versionFlag], { stdio: 'ignore' });
  if (result.error || result.status !== 0) {
    throw new Error(
      `'${command}' is required ${why} but was not found on PATH. Install it, or set the variable that points at an existing service instead.`,
    );
  }
}
