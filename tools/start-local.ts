/**
 * `npm start`: the whole system on one machine with only Node, Java and Maven.
 * Brings up the local stack (or uses DATABASE_URL / KAFKA_BROKERS), then runs
 * each service as its own process, on ports 3001-3006, as ops would run them.
 * Ctrl-C sends SIGTERM to every service and waits for their graceful exits.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import 'reflect-metadata';
import { upLocalStack } from '@leadrail/local-infra';
import { hashOperatorToken, mintOperatorToken } from '@leadrail/nest-kit';

const SERVICES = ['partners', 'leads', 'routing', 'delivery', 'billing', 'notifications'] as const;
const FIRST_PORT = 3001;

const workspaceRoot = resolve(__dirname, '..');

async function main(): Promise<void> {
  const stateDir =
    process.env.LEADRAIL_STATE_DIR ?? join(workspaceRoot, 'deploy', 'local', '.state', 'dev');
  const stack = await upLocalStack({ workspaceRoot, stateDir });
  console.log(`Kafka ${stack.kafkaBrokers}; PostgreSQL on port ${new URL(stack.databaseUrl).port}`);

  // The admin API is never open: without configured tokens, mint one for this run and say so.
  let operatorTokens = process.env.OPERATOR_TOKENS;
  if (!operatorTokens) {
    const token = mintOperatorToken();
    operatorTokens = `local-admin:admin:${hashOperatorToken(token).toString('hex')}`;
    console.log(`operator token for this run (admin): ${token}`);
  }
  const children = SERVICES.map((service, index) => {
    const port = FIRST_PORT + index;
    console.log(`${service.padEnd(13)} http://127.0.0.1:${port} (/health/ready, /metrics)`);
    return runService(service, {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: stack.databaseUrl,
      KAFKA_BROKERS: stack.kafkaBrokers,
      OPERATOR_TOKENS: operatorTokens,
    });
  });

  const stop = (): void => {
    for (const child of children) {
      child.kill('SIGTERM');
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const codes = await Promise.all(
    children.map(
      (child) => new Promise<number>((done) => child.once('exit', (code) => done(code ?? 1))),
    ),
  );
  console.log('all services stopped; the local stack keeps running (npm run infra:down stops it)');
  process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
}

function runService(service: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join('apps', service, 'src', 'main.ts')],
    {
      cwd: workspaceRoot,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  child.once('exit', (code, signal) => {
    console.error(`${service} exited (${signal ?? `code ${String(code)}`})`);
  });
  return child;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
