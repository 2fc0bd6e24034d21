import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVICES, type ServiceName, findFreePortBlock } from '@leadrail/local-infra';
import { hashOperatorToken, mintOperatorToken } from '@leadrail/nest-kit';
import { createTestDatabase, expectEventually, testEnvironment } from '@leadrail/testing';

export type { ServiceName };

/** All six services as separate processes, as `npm start` runs them. */
export interface RunningSystem {
  url(service: ServiceName): string;
  adminToken: string;
  /** SIGTERM to the launcher, as a supervisor stops it; resolves with its exit code. */
  stop(): Promise<number | null>;
}

const workspaceRoot = resolve(__dirname, '..', '..');

/**
 * Starts the launcher (tools/start-local.ts) against the run's real Kafka
 * broker and a fresh database of its own (each service in its schema), and
 * waits until every service is ready.
 */
export async function startRunningSystem(): Promise<RunningSystem> {
  const database = await createTestDatabase('e2e');
  const stateDir = mkdtempSync(join(tmpdir(), 'leadrail-e2e-'));
  const basePort = await findFreePortBlock(SERVICES.length);
  const adminToken = mintOperatorToken();
  const launcher: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join('tools', 'start-local.ts')],
    {
      cwd: workspaceRoot,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testEnvironment().kafkaBrokers,
        LEADRAIL_STATE_DIR: stateDir,
        LEADRAIL_BASE_PORT: String(basePort),
        OPERATOR_TOKENS: `e2e-admin:admin:${hashOperatorToken(adminToken).toString('hex')}`,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((done) => launcher.once('exit', (code) => done(code)));
  const url = (service: ServiceName): string =>
    `http://127.0.0.1:${basePort + SERVICES.indexOf(service)}`;
  const stop = async (): Promise<number | null> => {
    launcher.kill('SIGTERM');
    const code = await exited;
    rmSync(stateDir, { recursive: true, force: true });
    await database.drop();
    return code;
  };
  try {
    await expectEventually(
      async () => {
        for (const service of SERVICES) {
          const ready = await fetch(`${url(service)}/health/ready`).catch(() => undefined);
          expect({ service, status: ready?.status }).toEqual({ service, status: 200 });
        }
      },
      { timeoutMs: 180_000, intervalMs: 1_000 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, adminToken, stop };
}
