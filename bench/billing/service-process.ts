import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '@leadrail/local-infra';
import { hashOperatorToken, mintOperatorToken } from '@leadrail/nest-kit';

/** A real LeadRail service, started from its own `main.ts` as a process of its own. */
export interface ServiceProcess {
  url: string;
  operatorToken: string;
  /** Its Kafka consumer group. */
  groupId: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ServiceProcessOptions {
  workspaceRoot: string;
  /** The folder under apps/: `billing` starts apps/billing/src/main.ts. */
  app: string;
  databaseUrl: string;
  kafkaBrokers: string;
  logLevel: string;
  /** The consumer group; `bench-<app>-<port>` unless given (a restart keeps its offsets with the same one). */
  groupId?: string;
  /** Variables the service needs beyond the common ones (LEADS_URL, PORTAL_JWKS_URL…). */
  env?: Record<string, string>;
  /** Each line the service logs (pino JSON on stdout); without it, logs are dropped. */
  onLogLine?: (line: string) => void;
}

/**
 * Starts `apps/<app>/src/main.ts` (as `npm start` runs it, with an operator
 * token minted for the run in OPERATOR_TOKENS) and waits until
 * `/health/ready` passes. A process of its own, so that the load generator
 * never shares the service's event loop. Logs are written as in production
 * (serialised), then dropped unless `onLogLine` reads them; errors are shown.
 *
 * One helper for any service: bench/leads-intake, bench/routing and
 * bench/delivery each have a copy of this for their own service
 * (leads-process.ts, routing-process.ts, delivery-process.ts) that can call
 * it instead.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const port = await findFreePort();
  const operatorToken = mintOperatorToken();
  const groupId = options.groupId ?? `bench-${options.app}-${port}`;
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(options.workspaceRoot, `apps/${options.app}/src/main.ts`)],
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
        ...options.env,
      },
      stdio: ['ignore', options.onLogLine ? 'pipe' : 'ignore', 'pipe'],
    },
  );
  if (options.onLogLine && child.stdout) {
    createInterface({ input: child.stdout }).on('line', options.onLogLine);
  }
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(options.app, url, child, () => errors);
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

async function waitUntilReady(app: string, url: string, child: ChildProcess, errors: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the ${app} service exited with ${child.exitCode}:\n${errors()}`);
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
  throw new Error(`the ${app} service was not ready within 2 minutes:\n${errors()}`);
}
