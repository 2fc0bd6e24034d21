import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '@leadrail/local-infra';
import { hashOperatorToken, mintOperatorToken } from '@leadrail/nest-kit';

/** The real delivery service, started from its own `main.ts` as a process of its own. */
export interface DeliveryProcess {
  url: string;
  operatorToken: string;
  /** Its Kafka consumer group. */
  groupId: string;
  pid: number;
  stop(): Promise<void>;
}

export interface DeliveryProcessOptions {
  workspaceRoot: string;
  databaseUrl: string;
  kafkaBrokers: string;
  logLevel: string;
  /** The leads service's key endpoint (the benchmark's stand-in) and its administrator token. */
  leadsUrl: string;
  leadsToken: string;
  /** DELIVERY_POLL_MS: how often the instance looks for attempts due. */
  pollMs: number;
}

/**
 * Starts `apps/delivery/src/main.ts` (as `npm start` runs it) and waits until
 * `/health/ready` passes, with: LEADS_URL and LEADS_TOKEN at the benchmark's
 * key server, OUTBOUND_ALLOWED_HOSTS=127.0.0.1 (the partner's endpoint is
 * local, which the outbound guard refuses otherwise), an operator token
 * minted for the run, DELIVERY_POLL_MS as given, no SMTP (internet delivery
 * only), the rest at the service's defaults.
 */
export async function startDeliveryProcess(
  options: DeliveryProcessOptions,
): Promise<DeliveryProcess> {
  const port = await findFreePort();
  const operatorToken = mintOperatorToken();
  const groupId = `bench-delivery-${port}`;
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(options.workspaceRoot, 'apps/delivery/src/main.ts')],
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
        LEADS_URL: options.leadsUrl,
        LEADS_TOKEN: options.leadsToken,
        OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
        DELIVERY_POLL_MS: String(options.pollMs),
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
      throw new Error(`the delivery service exited with ${child.exitCode}:\n${errors()}`);
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
  throw new Error(`the delivery service was not ready within 2 minutes:\n${errors()}`);
}
