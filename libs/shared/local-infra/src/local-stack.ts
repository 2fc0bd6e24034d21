import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  KafkaBrokerState,
  isKafkaBrokerRunning,
  restartKafkaBroker,
  startKafkaBroker,
  stopKafkaBroker,
} from './kafka-broker';
import {
  PostgresState,
  isEmbeddedPostgresRunning,
  startEmbeddedPostgres,
  stopEmbeddedPostgres,
} from './embedded-postgres';
import { isProcessAlive } from './processes';

/**
 * What runs where. A service given by the environment (DATABASE_URL,
 * KAFKA_BROKERS) is used as it is and never started or stopped by us.
 */
export interface LocalStackState {
  databaseUrl: string;
  kafkaBrokers: string;
  postgres?: PostgresState;
  kafka?: KafkaBrokerState;
}

export interface LocalStackOptions {
  workspaceRoot: string;
  /** Folder for the state file, the broker and (where reachable) the database. */
  stateDir: string;
  env?: NodeJS.ProcessEnv;
  /** Start only these (benchmarks need no broker); default both. */
  only?: readonly ('postgres' | 'kafka')[];
}

const STATE_FILE = 'stack.json';

export function readStackState(stateDir: string): LocalStackState | undefined {
  const file = join(stateDir, STATE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LocalStackState) : undefined;
}

function writeStackState(stateDir: string, state: LocalStackState): void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(join(stateDir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** The parts of the stack one bringUpLocalStack call started: the parts it may stop again. */
export interface StartedParts {
  postgres?: PostgresState;
  kafka?: KafkaBrokerState;
}

/** What runs where, and which of it this call started. */
export interface LocalStackUp {
  state: LocalStackState;
  started: StartedParts;
}

/**
 * Brings up PostgreSQL and Kafka unless the environment already names them.
 * Idempotent: a stack whose processes are still alive is reused.
 */
export async function upLocalStack(options: LocalStackOptions): Promise<LocalStackState> {
  return (await bringUpLocalStack(options)).state;
}

/**
 * upLocalStack, part by part: a part the environment names (DATABASE_URL,
 * KAFKA_BROKERS) is neither started nor resumed; a recorded part that still
 * runs (`npm run infra:up`) is reused; a recorded part that stopped resumes on
 * its ports with its data; a missing part is started. Reports what it
 * started, so that `npm start` stops exactly that when it ends.
 */
export async function bringUpLocalStack(options: LocalStackOptions): Promise<LocalStackUp> {
  const env = options.env ?? process.env;
  const wanted = new Set(options.only ?? ['postgres', 'kafka']);
  const recorded = readStackState(options.stateDir);
  const started: StartedParts = {};
  try {
    const postgres =
      env.DATABASE_URL || !wanted.has('postgres')
        ? recorded?.postgres
        : await upPostgres(options.stateDir, recorded?.postgres, started);
    const kafka =
      env.KAFKA_BROKERS || !wanted.has('kafka')
        ? recorded?.kafka
        : await upKafka(options, recorded?.kafka, started);
    const state: LocalStackState = {
      databaseUrl: env.DATABASE_URL ?? postgres?.url ?? '',
      kafkaBrokers: env.KAFKA_BROKERS ?? kafka?.brokers ?? '',
      postgres,
      kafka,
    };
    writeStackState(options.stateDir, state);
    return { state, started };
  } catch (error) {
    await stopStartedParts(started);
    throw error;
  }
}

async function upPostgres(
  stateDir: string,
  recorded: PostgresState | undefined,
  started: StartedParts,
): Promise<PostgresState> {
  if (recorded && isEmbeddedPostgresRunning(recorded)) {
    return recorded;
  }
  started.postgres = await startEmbeddedPostgres(
    recorded
      ? { dir: resolve(recorded.dataDir, '..'), port: recorded.port }
      : { dir: postgresDir(stateDir) },
  );
  return started.postgres;
}

async function upKafka(
  options: LocalStackOptions,
  recorded: KafkaBrokerState | undefined,
  started: StartedParts,
): Promise<KafkaBrokerState> {
  if (recorded && isKafkaBrokerRunning(recorded)) {
    return recorded;
  }
  started.kafka = recorded
    ? await restartKafkaBroker(recorded)
    : await startKafkaBroker({
        workspaceRoot: options.workspaceRoot,
        dir: join(options.stateDir, 'kafka'),
      });
  return started.kafka;
}

/** Stops what one bringUpLocalStack call started, keeping the data: Kafka first, then PostgreSQL. */
export async function stopStartedParts(started: StartedParts): Promise<void> {
  if (started.kafka) {
    await stopKafkaBroker(started.kafka);
  }
  if (started.postgres) {
    stopEmbeddedPostgres(started.postgres);
  }
}

/** Stops what upLocalStack started, keeping its data for the next `up`; `purge` deletes it. */
export async function downLocalStack(stateDir: string, purge = false): Promise<void> {
  const state = readStackState(stateDir);
  if (state?.kafka) {
    await stopKafkaBroker(state.kafka);
  }
  if (state?.postgres) {
    stopEmbeddedPostgres(state.postgres);
  }
  if (purge) {
    if (state?.postgres) {
      rmSync(resolve(state.postgres.dataDir, '..'), { recursive: true, force: true });
    }
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** Kills the local broker outright, as a crash would (for failure tests). */
export function killLocalKafka(stateDir: string): void {
  const kafka = requireLocalKafka(stateDir);
  if (isProcessAlive(kafka.pid)) {
    process.kill(kafka.pid, 'SIGKILL');
  }
}

/** Starts the local broker again on the same ports and data after killLocalKafka. */
export async function restartLocalKafka(stateDir: string): Promise<void> {
  const state = readStackState(stateDir)!;
  const kafka = await restartKafkaBroker(requireLocalKafka(stateDir));
  writeStackState(stateDir, { ...state, kafka });
}

function requireLocalKafka(stateDir: string): KafkaBrokerState {
  const kafka = readStackState(stateDir)?.kafka;
  if (!kafka) {
    throw new Error(
      `no local Kafka broker is recorded in ${stateDir}: was KAFKA_BROKERS given instead?`,
    );
  }
  return kafka;
}

export function isLocalStackRunning(state: LocalStackState): boolean {
  const kafkaAlive = !state.kafka || isKafkaBrokerRunning(state.kafka);
  const postgresAlive = !state.postgres || isEmbeddedPostgresRunning(state.postgres);
  return kafkaAlive && postgresAlive;
}

/**
 * The database folder sits beside the stack's state, unless the server's user
 * (`postgres`, when we run as root) cannot reach it: then in the temp folder.
 */
function postgresDir(stateDir: string): string {
  const preferred = join(stateDir, 'postgres');
  if (process.getuid?.() !== 0) {
    return preferred;
  }
  mkdirSync(stateDir, { recursive: true });
  const reachable =
    spawnSync('su', ['-s', '/bin/sh', 'postgres', '-c', `test -x "${stateDir}"`]).status === 0;
  if (reachable) {
    return preferred;
  }
  const key = Buffer.from(resolve(stateDir)).toString('base64url').slice(-40);
  return join(tmpdir(), `leadrail-postgres-${key}`);
}
