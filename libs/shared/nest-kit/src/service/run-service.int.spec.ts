import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import {
  TcpProxy,
  type TestDatabase,
  createTestDatabase,
  expectEventually,
  testEnvironment,
} from '@leadrail/testing';

const workspaceRoot = resolve(__dirname, '../../../../..');
const fixture = join(__dirname, 'testing', 'startup-fixture.main.ts');

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  attempt?: number;
}

/** The fixture service as its own process, as `npm start` runs a service, with its output kept. */
class FixtureProcess {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly child: ChildProcess;

  constructor(env: NodeJS.ProcessEnv, ipc = false) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', fixture], {
      cwd: workspaceRoot,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      let partial = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        this.output.push(...lines);
      });
    }
    this.exited = new Promise((done) =>
      this.child.once('exit', (code, signal) => done({ code, signal })),
    );
  }

  /** Log lines that are JSON, parsed. */
  logLines(): LogLine[] {
    return this.output
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  }

  /** The attempt numbers of start-up's "waiting for …" warnings whose message matches. */
  waitWarnings(what: RegExp): number[] {
    return this.logLines()
      .filter((line) => line.level === 40 && line.context === 'Startup' && what.test(line.msg))
      .map((line) => line.attempt ?? 0);
  }

  async listeningUrl(): Promise<string> {
    return expectEventually(
      () => {
        const match = /listening on (http:\/\/[^\s"]+)/.exec(this.output.join('\n'));
        if (!match?.[1]) {
          const state = this.child.exitCode === null ? 'not listening yet' : 'exited';
          throw new Error(`${state}; output so far:\n${this.output.join('\n')}`);
        }
        return match[1];
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  }

  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
    }
  }
}

describe('runService as a process', () => {
  const infra = testEnvironment();
  const kafka = infra.kafkaBrokers.split(',')[0]!.split(':');
  let database: TestDatabase;
  let running: FixtureProcess | undefined;
  const proxies: TcpProxy[] = [];

  const envFor = (databaseUrl: string, kafkaBrokers: string): NodeJS.ProcessEnv => ({
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: kafkaBrokers,
    KAFKA_GROUP_ID: `startup_fixture-${randomBytes(4).toString('hex')}`,
  });

  beforeAll(async () => {
    database = await createTestDatabase('startup_fixture');
  });

  afterEach(async () => {
    running?.stop();
    await running?.exited;
    running = undefined;
    await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('waits for PostgreSQL and Kafka with a warn line per retry, then starts once they answer', async () => {
    const postgresProxy = await TcpProxy.forUrl(database.url);
    const kafkaProxy = await TcpProxy.start({ host: kafka[0]!, port: Number(kafka[1]) });
    proxies.push(postgresProxy, kafkaProxy);
    postgresProxy.cut();
    kafkaProxy.cut();
    running = new FixtureProcess(
      envFor(postgresProxy.urlFor(database.url), `127.0.0.1:${kafkaProxy.port}`),
    );

    await expectEventually(
      () => {
        expect(
          running!.waitWarnings(/^waiting for PostgreSQL at 127\.0\.0\.1:\d+: .+; retrying in/),
        ).toEqual(expect.arrayContaining([1, 2]));
        expect(
          running!.waitWarnings(/^waiting for Kafka at 127\.0\.0\.1:\d+: .+; retrying in/),
        ).toEqual(expect.arrayContaining([1, 2]));
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(running.child.exitCode).toBeNull();
    // One line per retry: attempts 1, 2, 3… each once; nothing at error level.
    for (const what of [/^waiting for PostgreSQL/, /^waiting for Kafka/]) {
      const attempts = running.waitWarnings(what);
      expect(attempts).toEqual(attempts.map((_, index) => index + 1));
    }
    expect(running.logLines().filter((line) => line.level >= 50)).toEqual([]);

    postgresProxy.restore();
    kafkaProxy.restore();
    const url = await running.listeningUrl();
    await expectEventually(
      async () => expect((await fetch(`${url}/health/ready`)).status).toBe(200),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('stops at once with exit 0 when SIGTERM arrives while it waits', async () => {
    const kafkaProxy = await TcpProxy.start({ host: kafka[0]!, port: Number(kafka[1]) });
    proxies.push(kafkaProxy);
    kafkaProxy.cut();
    running = new FixtureProcess(envFor(database.url, `127.0.0.1:${kafkaProxy.port}`));
    await expectEventually(
      () => expect(running!.waitWarnings(/^waiting for Kafka/)).not.toEqual([]),
      {
        timeoutMs: 60_000,
        intervalMs: 200,
      },
    );

    const stoppedAt = Date.now();
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(3_000);
  }, 120_000);

  it('shuts down gracefully when the parent that started it with an IPC channel goes away', async () => {
    running = new FixtureProcess(envFor(database.url, infra.kafkaBrokers), true);
    await running.listeningUrl();

    running.child.disconnect();
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.output.join('\n')).toContain('the parent process is gone: shutting down');
  }, 120_000);
});
