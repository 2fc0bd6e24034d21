import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  findFreePortBlock,
  isProcessAlive,
  postmasterPid,
  readStackState,
  stopEmbeddedPostgres,
} from '@leadrail/local-infra';
import { expectEventually, itWhen } from '@leadrail/testing';
import { SERVICES } from './launcher-options';
import { NpmStartRun, logFileFor } from './testing/npm-start-run';
import { type ProcessInfo, describeProcesses, processesOfRun } from './testing/process-table';

/** Cold Kafka, PostgreSQL and six Nest services on a small machine: minutes, not seconds. */
const READY_TIMEOUT_MS = 6 * 60_000;
const STOP_TIMEOUT_MS = 90_000;

const linux = process.platform === 'linux';

/**
 * `npm start` exactly as a user or a CI job runs it: from an empty state
 * folder, with no DATABASE_URL or KAFKA_BROKERS (so it starts its own Kafka
 * and PostgreSQL), signalled through the process that was started (npm).
 */
describe('npm start', () => {
  const logDir = mkdtempSync(join(tmpdir(), 'leadrail-npm-start-logs-'));
  const stateDirs: string[] = [];

  afterAll(() => {
    // Only after a failure is anything left: stop it, by the PIDs that belong to these runs.
    for (const stateDir of stateDirs) {
      const postgres = readStackState(stateDir)?.postgres;
      for (const info of runProcesses(stateDir)) {
        const ofPostgres =
          info.commandLine.startsWith('postgres:') ||
          (postgres !== undefined && info.commandLine.includes(postgres.dataDir));
        if (!ofPostgres && isProcessAlive(info.pid)) {
          process.kill(info.pid, 'SIGKILL');
        }
      }
      if (postgres) {
        stopEmbeddedPostgres(postgres);
        rmSync(resolve(postgres.dataDir, '..'), { recursive: true, force: true });
      }
      rmSync(stateDir, { recursive: true, force: true });
    }
    rmSync(logDir, { recursive: true, force: true });
  });

  itWhen(
    linux,
    'finding leftover processes reads /proc',
    'comes up from an empty state folder three times in a row, and SIGTERM to npm leaves nothing running',
    async () => {
      const stateDir = newStateDir(stateDirs);
      const basePort = await findFreePortBlock(SERVICES.length);
      for (const run of [1, 2, 3]) {
        const startedAt = Date.now();
        const npm = new NpmStartRun(stateDir, basePort, logFileFor(logDir, `sigterm-${run}`));
        await npm.waitUntilReady(READY_TIMEOUT_MS);
        const readyAt = Date.now();
        const running = runProcesses(stateDir);
        expectWholeSystem(running, stateDir, npm);

        await stopAndExpectNothingLeft(npm, 'SIGTERM', stateDir, running);
        console.log(
          `npm start run ${run}: all six ready after ${seconds(readyAt - startedAt)}, everything stopped ${seconds(Date.now() - readyAt)} after SIGTERM`,
        );
      }
    },
    3 * (READY_TIMEOUT_MS + STOP_TIMEOUT_MS),
  );

  itWhen(
    linux,
    'finding leftover processes reads /proc',
    'restarts a service that dies, and SIGINT to npm leaves nothing running',
    async () => {
      const stateDir = newStateDir(stateDirs);
      const npm = new NpmStartRun(
        stateDir,
        await findFreePortBlock(SERVICES.length),
        logFileFor(logDir, 'sigint'),
      );
      await npm.waitUntilReady(READY_TIMEOUT_MS);
      const routing = runProcesses(stateDir).find((info) =>
        info.commandLine.includes('apps/routing/src/main.ts'),
      )!;

      process.kill(routing.pid, 'SIGKILL');
      await expectEventually(
        () =>
          expect(npm.output()).toContain(
            'routing exited unexpectedly (SIGKILL); restarting it in 1 s',
          ),
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      await npm.waitUntilReady(READY_TIMEOUT_MS);
      const running = runProcesses(stateDir);
      expectWholeSystem(running, stateDir, npm);

      await stopAndExpectNothingLeft(npm, 'SIGINT', stateDir, running);
    },
    2 * READY_TIMEOUT_MS + STOP_TIMEOUT_MS,
  );

  itWhen(
    linux,
    'finding leftover processes reads /proc',
    'leaves nothing running when the launcher is killed with SIGKILL',
    async () => {
      const stateDir = newStateDir(stateDirs);
      const npm = new NpmStartRun(
        stateDir,
        await findFreePortBlock(SERVICES.length),
        logFileFor(logDir, 'sigkill'),
      );
      await npm.waitUntilReady(READY_TIMEOUT_MS);
      const running = runProcesses(stateDir);
      expectWholeSystem(running, stateDir, npm);

      process.kill(npm.launcherPid(), 'SIGKILL');
      await within(npm.exited, STOP_TIMEOUT_MS, () => npm.tail());
      // The services stop on their own (their IPC channel closed), the watchdog stops Kafka and PostgreSQL.
      await expectEventually(() => expect(describeProcesses(runProcesses(stateDir))).toEqual([]), {
        timeoutMs: 60_000,
        intervalMs: 500,
      });
      expect(running.filter((info) => isProcessAlive(info.pid))).toEqual([]);
      expect(readFileSync(join(stateDir, 'watchdog.log'), 'utf8')).toContain(
        'is gone without stopping: stopping what it started',
      );
    },
    READY_TIMEOUT_MS + STOP_TIMEOUT_MS + 60_000,
  );
});

/** Signals npm as a user or CI job would, and checks that every process of the run is gone. */
async function stopAndExpectNothingLeft(
  npm: NpmStartRun,
  signal: NodeJS.Signals,
  stateDir: string,
  running: ProcessInfo[],
): Promise<void> {
  npm.signal(signal);
  const exit = await within(npm.exited, STOP_TIMEOUT_MS, () => npm.tail());
  expect({ signal, exit }).toEqual({ signal, exit: { code: 0, signal: null } });
  expect(npm.output()).toMatch(
    /stopped: all services and the Kafka and PostgreSQL this run started are down\n/,
  );
  // The watchdog, released last, may take a moment to exit after npm.
  await expectEventually(() => expect(describeProcesses(runProcesses(stateDir))).toEqual([]), {
    timeoutMs: 5_000,
    intervalMs: 200,
  });
  expect(running.filter((info) => isProcessAlive(info.pid))).toEqual([]);
  // Released by the launcher, the watchdog had nothing to clean up.
  expect(readFileSync(join(stateDir, 'watchdog.log'), 'utf8')).not.toContain('is gone');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function newStateDir(stateDirs: string[]): string {
  const stateDir = mkdtempSync(join(tmpdir(), 'leadrail-npm-start-'));
  stateDirs.push(stateDir);
  return stateDir;
}

/** Everything one run's state folder accounts for, PostgreSQL included wherever its data lives. */
function runProcesses(stateDir: string): ProcessInfo[] {
  const postgres = readStackState(stateDir)?.postgres;
  return processesOfRun(
    postgres ? [stateDir, postgres.dataDir] : [stateDir],
    `LEADRAIL_STATE_DIR=${stateDir}`,
  );
}

/** The run's process tree holds npm, the launcher, six services, the broker and the database. */
function expectWholeSystem(running: ProcessInfo[], stateDir: string, npm: NpmStartRun): void {
  const pids = running.map((info) => info.pid);
  const stack = readStackState(stateDir)!;
  expect(pids).toEqual(
    expect.arrayContaining([
      npm.pid,
      npm.launcherPid(),
      stack.kafka!.pid,
      postmasterPid(stack.postgres!.dataDir)!,
    ]),
  );
  for (const service of SERVICES) {
    expect(running.some((info) => info.commandLine.includes(`apps/${service}/src/main.ts`))).toBe(
      true,
    );
  }
}

async function within<T>(promise: Promise<T>, ms: number, context: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no exit within ${ms} ms:\n${context()}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
