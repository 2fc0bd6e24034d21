import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { PostgresState } from './embedded-postgres';
import { readStackState } from './local-stack';

const run = promisify(execFile);

/** `immediate` is a crash (every connection cut, recovery at start); `fast` a clean stop. */
export type PostgresShutdownMode = 'immediate' | 'fast';

export interface RestartPostgresOptions {
  mode?: PostgresShutdownMode;
  /** How long the server stays down between stop and start; default 0. */
  downMs?: number;
}

/**
 * The embedded PostgreSQL a local stack started, or undefined when the stack
 * uses a server given by DATABASE_URL (which must never be stopped by us).
 */
export function localPostgresOf(stateDir: string): PostgresState | undefined {
  return readStackState(stateDir)?.postgres;
}

/**
 * Restarts the stack's embedded PostgreSQL on the same port and data, as an
 * operator or a crash would (for failure tests). Asynchronous on purpose: a
 * service running in the caller's process keeps running meanwhile and sees the
 * outage as a real one.
 */
export async function restartLocalPostgres(
  stateDir: string,
  options: RestartPostgresOptions = {},
): Promise<void> {
  await stopLocalPostgres(stateDir, options.mode);
  await sleep(options.downMs ?? 0);
  await startLocalPostgres(stateDir);
}

/** Stops the stack's embedded PostgreSQL (default: `immediate`, like a crash); no-op when stopped. */
export async function stopLocalPostgres(
  stateDir: string,
  mode: PostgresShutdownMode = 'immediate',
): Promise<void> {
  const postgres = requireLocalPostgres(stateDir);
  if (await isRunning(postgres)) {
    await pgCtl(postgres, ['stop', '-D', postgres.dataDir, '-m', mode, '-w', '-t', '60']);
  }
}

/**
 * Starts the stack's embedded PostgreSQL again with the options of its last
 * run (`postmaster.opts`: port, listen address, settings); no-op when running.
 */
export async function startLocalPostgres(stateDir: string): Promise<void> {
  const postgres = requireLocalPostgres(stateDir);
  if (await isRunning(postgres)) {
    return;
  }
  await pgCtl(postgres, [
    'start',
    '-D',
    postgres.dataDir,
    '-w',
    '-t',
    '60',
    '-l',
    postgres.logFile,
    '-o',
    lastRunOptions(postgres.dataDir),
  ]);
}

function requireLocalPostgres(stateDir: string): PostgresState {
  const postgres = localPostgresOf(stateDir);
  if (!postgres) {
    throw new Error(
      `no embedded PostgreSQL is recorded in ${stateDir}: was DATABASE_URL given instead?`,
    );
  }
  return postgres;
}

/** `pg_ctl status` exits 0 when the server runs, 3 when it does not. */
async function isRunning(postgres: PostgresState): Promise<boolean> {
  try {
    await pgCtl(postgres, ['status', '-D', postgres.dataDir]);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 3) {
      return false;
    }
    throw error;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root pg_ctl runs as the owner of
 * the data folder (the user the stack started it as).
 */
async function pgCtl(postgres: PostgresState, args: string[]): Promise<void> {
  const owner = process.getuid?.() === 0 ? statSync(postgres.dataDir) : undefined;
  await run(join(postgres.binDir, 'pg_ctl'), args, {
    uid: owner?.uid,
    gid: owner?.gid,
    // The server inherits no session variable that could point it elsewhere.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
    timeout: 90_000,
  });
}

/**
 * The server's arguments from its last start, without the program and the
 * data folder (pg_ctl adds those). postmaster.opts writes each argument in
 * double quotes: `…/postgres "-D" "/data" "-p" "5432" "-k" ""`; pg_ctl hands
 * `-o` to a shell, which reads those quotes back.
 */
function lastRunOptions(dataDir: string): string {
  const line = readFileSync(join(dataDir, 'postmaster.opts'), 'utf8');
  const args = [...line.matchAll(/"([^"]*)"/g)].map((match) => match[1]!);
  const kept = args.filter((arg, index) => arg !== '-D' && args[index - 1] !== '-D');
  return kept.map((arg) => `"${arg}"`).join(' ');
}
