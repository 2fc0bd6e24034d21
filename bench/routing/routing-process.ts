import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '@leadrail/local-infra';
import { hashOperatorToken, mintOperatorToken } from '@leadrail/nest-kit';

/** The real routing service, started from its own `main.ts` as a process of its own. */
export interface RoutingProcess {
  url: string;
  operatorToken: string;
  /** Its Kafka consumer group. */
  groupId: string;
  pid: number;
  stop(): Promise<void>;
}

export interface RoutingProcessOptions {
  workspaceRoot: string;
  databaseUrl: string;
  kafkaBrokers: string;
  logLevel: string;
  /** A folder for a V8 CPU profile of the whole run (`--cpu-prof`), written when it stops. */
  cpuProfileDir?: string;
}

/**
 * Starts `apps/routing/src/main.ts` (as `npm start` runs it, with an operator
 * token minted for the run in OPERATOR_TOKENS) and waits until
 * `/health/ready` passes. A process of its own, so that the load generator
 * never shares the service's event loop.
 */
export async function startRoutingProcess(options: RoutingProcessOptions): Promise<RoutingProcess> {
  const port = await findFreePort();
  const operatorToken = mintOperatorToken();
  const groupId = `bench-routing-${port}`;
  const profile = options.cpuProfileDir
    ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      '-r',
      '@swc-node/register',
      join(options.workspaceRoot, 'apps/routing/src/main.ts'),
    ],
    {
      cwd: options.workspaceRoot,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: options.databaseUrl,
        KAFKA_BROKERS: options.kafkaBrokers,
        KAFKA_GROUP_ID: groupId,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: options.logLevel,
        OPERATOR_TOKENS: `bench:admin:${hashOperatorToken(operatorToken).toString('hex')}`,
      },
      // Logs are written as in production (serialised), then dropped; errors are shown.
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child, () => errors);
  return {
    url,
    operatorToken,
    groupId,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess, errors: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the routing service exited with ${child.exitCode}:\n${errors()}`);
    }
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      return;
    }
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error(`the routing service was not ready within 2 minutes:\n${errors()}`);
}
