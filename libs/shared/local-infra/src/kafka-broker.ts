import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from './free-port';
import { ensureKafkaJars } from './kafka-jars';
import {
  commandLineOf,
  isProcessAlive,
  requireCommand,
  spawnDetached,
  stopProcess,
} from './processes';
import { waitUntil } from './wait-until';

/** Everything needed to find, restart or stop a broker from any process. */
export interface KafkaBrokerState {
  pid: number;
  brokers: string;
  port: number;
  controllerPort: number;
  dir: string;
  configFile: string;
  logFile: string;
  jarsDir: string;
  heapMb: number;
}

export interface StartKafkaOptions {
  workspaceRoot: string;
  /** A folder this broker owns: config, data and log live here. */
  dir: string;
  port?: number;
  heapMb?: number;
  startTimeoutMs?: number;
}

const READY_LINE = 'Kafka Server started';

/**
 * Starts a single-node KRaft broker (broker and controller in one JVM) from
 * Kafka's own jars. Every internal topic is sized for one node, or consumer
 * groups would wait forever for a coordinator.
 */
export async function startKafkaBroker(options: StartKafkaOptions): Promise<KafkaBrokerState> {
  requireCommand('java', '-version', 'to run the local Kafka broker');
  const jarsDir = ensureKafkaJars(options.workspaceRoot);
  mkdirSync(options.dir, { recursive: true });
  const port = options.port ?? (await findFreePort());
  const controllerPort = await findFreePort();
  const configFile = join(options.dir, 'server.properties');
  const state: KafkaBrokerState = {
    pid: 0,
    brokers: `127.0.0.1:${port}`,
    port,
    controllerPort,
    dir: options.dir,
    configFile,
    logFile: join(options.dir, 'broker.log'),
    jarsDir,
    heapMb: options.heapMb ?? 384,
  };
  writeFileSync(configFile, serverProperties(state));
  writeFileSync(join(options.dir, 'log4j2.properties'), LOG4J2_PROPERTIES);
  formatStorage(state);
  return launch(state, options.startTimeoutMs ?? 60_000);
}

/** Starts an already formatted broker again on the same ports and data (after a crash or a test's kill). */
export async function restartKafkaBroker(
  state: KafkaBrokerState,
  startTimeoutMs = 60_000,
): Promise<KafkaBrokerState> {
  if (isKafkaBrokerRunning(state)) {
    return state;
  }
  return launch(state, startTimeoutMs);
}

/** Stops the broker (SIGTERM: a controlled shutdown; SIGKILL after 20 s); no-op when it is not running. */
export async function stopKafkaBroker(state: KafkaBrokerState): Promise<void> {
  if (isKafkaBrokerRunning(state)) {
    await stopProcess(state.pid);
  }
}

/**
 * True when the recorded PID is alive and is this broker: after a reboot the
 * PID may belong to another process, which must be neither reused nor killed.
 */
export function isKafkaBrokerRunning(state: KafkaBrokerState): boolean {
  if (!isProcessAlive(state.pid)) {
    return false;
  }
  // Without /proc (not Linux) the command line is unknown: trust the PID.
  const commandLine = commandLineOf(state.pid);
  return commandLine === '' || commandLine.includes(state.configFile);
}

async function launch(state: KafkaBrokerState, timeoutMs: number): Promise<KafkaBrokerState> {
  const logStart = existsSync(state.logFile) ? readFileSync(state.logFile, 'utf8').length : 0;
  const pid = spawnDetached(
    'java',
    [
      `-Xms${state.heapMb}m`,
      `-Xmx${state.heapMb}m`,
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${join(state.dir, 'log4j2.properties')}`,
      '-cp',
      `${state.jarsDir}/*`,
      'kafka.Kafka',
      state.configFile,
    ],
    { logFile: state.logFile, cwd: state.dir },
  );
  const started = { ...state, pid };
  await waitUntil(
    () => {
      if (!isProcessAlive(pid)) {
        throw new Error(`the broker exited; its log:\n${tail(state.logFile, logStart)}`);
      }
      return Promise.resolve(
        readFileSync(state.logFile, 'utf8').slice(logStart).includes(READY_LINE),
      );
    },
    { what: `Kafka on ${state.brokers} (log: ${state.logFile})`, timeoutMs },
  ).catch(async (error: unknown) => {
    await stopProcess(pid);
    throw error;
  });
  return started;
}

function formatStorage(state: KafkaBrokerState): void {
  // KRaft refuses to start on unformatted storage; 16 random bytes, URL-safe base64, is a cluster id.
  const clusterId = randomBytes(16).toString('base64url');
  const result = spawnSync(
    'java',
    [
      '-cp',
      `${state.jarsDir}/*`,
      `-Dlog4j2.configurationFile=${join(state.dir, 'log4j2.properties')}`,
      'kafka.tools.StorageTool',
      'format',
      '--standalone',
      // One argument with "=": a random id may start with "-", which would read as an option.
      `--cluster-id=${clusterId}`,
      '-c',
      state.configFile,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`formatting Kafka storage failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function serverProperties(state: KafkaBrokerState): string {
  const listener = `PLAINTEXT://127.0.0.1:${state.port},CONTROLLER://127.0.0.1:${state.controllerPort}`;
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${state.controllerPort}`,
    `listeners=${listener}`,
    `advertised.listeners=${listener}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${join(state.dir, 'data')}`,
    'num.partitions=3',
    'auto.create.topics.enable=true',
    // One node: every internal topic must fit on it.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Tests join groups often: no three-second wait for more members.
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');
}

const LOG4J2_PROPERTIES = [
  'status = warn',
  'appender.out.type = Console',
  'appender.out.name = out',
  'appender.out.layout.type = PatternLayout',
  'appender.out.layout.pattern = [%d] %p %m (%c)%n',
  'rootLogger.level = warn',
  'rootLogger.appenderRef.out.ref = out',
  // The readiness line comes from this logger at INFO.
  'logger.raft.name = kafka.server.KafkaRaftServer',
  'logger.raft.level = info',
  '',
].join('\n');

function tail(file: string, from: number): string {
  return readFileSync(file, 'utf8').slice(from).split('\n').slice(-30).join('\n');
}
