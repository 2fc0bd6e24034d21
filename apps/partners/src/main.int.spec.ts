import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { findFreePort } from '@leadrail/local-infra';
import { testPortalIssuer } from '@leadrail/service-testing';
import {
  TestDatabase,
  createTestDatabase,
  expectEventually,
  getJson,
  testEnvironment,
} from '@leadrail/testing';

/** The service as an operator runs it: its own process, configured by environment variables. */
function startProcess(env: NodeJS.ProcessEnv): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
} {
  const root = join(__dirname, '../../..');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) {
    return child.exitCode;
  }
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

describe('partners service process', () => {
  it('refuses to start, naming every missing or malformed variable', async () => {
    const { child, output } = startProcess({ PORT: 'eighty', DATABASE_URL: 'mysql://db/x' });
    expect(await exitCode(child)).toBe(78);
    expect(output()).toContain('partners: invalid configuration (5 problems)');
    expect(output()).toContain('PORT: PORT must be a whole number from 0 to 65535');
    expect(output()).toContain('DATABASE_URL: DATABASE_URL must be a postgres:// URL');
    expect(output()).toContain('KAFKA_BROKERS: KAFKA_BROKERS is required');
    expect(output()).toContain(
      'OPERATOR_TOKENS: OPERATOR_TOKENS is required: this service has an admin API',
    );
    expect(output()).toContain(
      'PORTAL_SIGNING_KEY: PORTAL_SIGNING_KEY is required: this service signs partner portal sessions',
    );
  });

  describe('when running', () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase('partners-process');
    });

    afterAll(async () => {
      await database?.drop();
    });

    it('shuts down gracefully on SIGTERM: exit code 0 after closing its connections', async () => {
      const port = await findFreePort();
      const { child, output } = startProcess({
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testEnvironment().kafkaBrokers,
        KAFKA_GROUP_ID: `test-partners-process-${port}`,
        OPERATOR_TOKENS: `ops:admin:${'0'.repeat(64)}`,
        PORTAL_SIGNING_KEY: (await testPortalIssuer()).signingKeyPem,
      });
      try {
        await expectEventually(
          async () =>
            expect((await getJson(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200),
          {
            timeoutMs: 45_000,
            intervalMs: 250,
          },
        );
        child.kill('SIGTERM');
        expect(await exitCode(child)).toBe(0);
        const lines = output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { msg: string; service: string });
        expect(lines.every((line) => line.service === 'partners')).toBe(true);
        expect(lines.map((line) => line.msg)).toEqual(
          expect.arrayContaining(['SIGTERM received: shutting down', 'shutdown complete']),
        );
      } finally {
        child.kill('SIGKILL');
      }
    });
  });
});
