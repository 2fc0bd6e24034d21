import { spawnSync } from 'node:child_process';
import type { StartedTestContainer } from 'testcontainers';

/** The official image, pinned; an insecure, in-memory single node is all the contract suite needs. */
export const KURRENTDB_IMAGE = 'kurrentplatform/kurrentdb:25.1.0';
const KURRENTDB_PORT = 2113;

/** A KurrentDB for a test file: the one EVENTSTORE_URL names, else a container, else why neither. */
export interface KurrentDbForTests {
  /** Set when there is no server: the tests are skipped with this reason in their names. */
  readonly unavailable?: string;
  /** Starts the container when one is needed (a no-op otherwise); call in `beforeAll`. */
  start(): Promise<void>;
  /** `kurrentdb://host:port?tls=false` (or EVENTSTORE_URL), valid after `start`. */
  connectionString(): string;
  /** Stops the container `start` started, if any; call in `afterAll`. */
  stop(): Promise<void>;
}

/**
 * Decides while the test file is collected (skipping is decided there), so the
 * check for a Docker engine is synchronous: testcontainers' own detection, run
 * in a child process and given `detectionTimeoutMs` to answer.
 */
export function kurrentDbForTests(
  env: NodeJS.ProcessEnv = process.env,
  detectionTimeoutMs = 2_000,
): KurrentDbForTests {
  const given = env.EVENTSTORE_URL;
  if (given) {
    return { start: async () => {}, connectionString: () => given, stop: async () => {} };
  }
  const unreachable = containerRuntimeUnreachable(env, detectionTimeoutMs);
  if (unreachable) {
    return {
      unavailable: `EVENTSTORE_URL is not set and ${unreachable}`,
      start: async () => {},
      connectionString: () => {
        throw new Error('no KurrentDB: the tests using it are skipped');
      },
      stop: async () => {},
    };
  }
  let container: StartedTestContainer | undefined;
  return {
    async start() {
      // Testcontainers is loaded only here, so files importing @leadrail/testing do not pay for it.
      const { GenericContainer, Wait } = await import('testcontainers');
      container = await new GenericContainer(KURRENTDB_IMAGE)
        .withEnvironment({
          KURRENTDB_INSECURE: 'true',
          KURRENTDB_RUN_PROJECTIONS: 'None',
          KURRENTDB_MEM_DB: 'true',
        })
        .withExposedPorts(KURRENTDB_PORT)
        .withWaitStrategy(Wait.forHttp('/health/live', KURRENTDB_PORT))
        .withStartupTimeout(120_000)
        .start();
    },
    connectionString() {
      if (!container) {
        throw new Error('the KurrentDB container has not been started');
      }
      return `kurrentdb://${container.getHost()}:${container.getMappedPort(KURRENTDB_PORT)}?tls=false`;
    },
    // Stopped explicitly, so nothing is left behind where Ryuk (testcontainers' reaper) cannot run.
    async stop() {
      await container?.stop();
      container = undefined;
    },
  };
}

/**
 * Undefined when testcontainers finds a container runtime that answers within
 * `timeoutMs`; otherwise why not. Where none is configured this takes the time
 * to start Node and load testcontainers (a few hundred ms).
 */
export function containerRuntimeUnreachable(
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): string | undefined {
  // The timer starts once testcontainers is loaded; the kill below bounds the rest.
  const detect = [
    `const { getContainerRuntimeClient } = require(${JSON.stringify(require.resolve('testcontainers'))});`,
    `setTimeout(() => process.exit(2), ${timeoutMs});`,
    'getContainerRuntimeClient().then(() => process.exit(0), () => process.exit(1));',
  ].join('\n');
  const result = spawnSync(process.execPath, ['-e', detect], {
    env,
    stdio: 'ignore',
    timeout: timeoutMs + 10_000,
  });
  if (result.status === 0) {
    return undefined;
  }
  return result.status === 1
    ? 'no Docker engine is reachable'
    : `no Docker engine is reachable (none answered within ${timeoutMs} ms)`;
}
