/**
 * `npm test`: every test of the repository against one real Kafka broker and
 * one real PostgreSQL server for the whole run (started here unless
 * KAFKA_BROKERS / DATABASE_URL name existing ones), then a one-line summary.
 *
 * Phases: unit and integration tests in parallel, then the end-to-end tests
 * (all six services as processes) and the chaos tests (which kill and restart
 * the broker) alone, one file at a time. Extra arguments go to jest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { downLocalStack, upLocalStack } from '@leadrail/local-infra';

interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTests: number;
  numRuntimeErrorTestSuites: number;
}

const workspaceRoot = resolve(__dirname, '..');
const stateDir = join(workspaceRoot, 'deploy', 'local', '.state', `test-${process.pid}`);
const jestArgs = process.argv.slice(2);

async function main(): Promise<number> {
  const started = Date.now();
  const stack = await upLocalStack({ workspaceRoot, stateDir });
  const env = {
    ...process.env,
    DATABASE_URL: stack.databaseUrl,
    KAFKA_BROKERS: stack.kafkaBrokers,
    ...(stack.kafka ? { LEADRAIL_LOCAL_STACK_DIR: stateDir } : {}),
  };
  console.log(
    `test infrastructure up in ${Date.now() - started} ms: Kafka ${stack.kafkaBrokers}, PostgreSQL ${redact(stack.databaseUrl)}`,
  );
  try {
    const phases = [
      runJest('main', ['--selectProjects', 'unit', 'int'], env),
      // Whole-system and disruptive tests want the machine (and the broker) to themselves.
      runJest('chaos', ['--selectProjects', 'e2e', 'chaos', '--runInBand'], env),
    ];
    const totals = phases.reduce(
      (sum, phase) => ({
        passed: sum.passed + phase.passed,
        failed: sum.failed + phase.failed,
        skipped: sum.skipped + phase.skipped,
        ok: sum.ok && phase.ok,
      }),
      { passed: 0, failed: 0, skipped: 0, ok: true },
    );
    console.log(`\nall tests in ${Math.round((Date.now() - started) / 1000)} s`);
    console.log(
      `jest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
    );
    return totals.ok && totals.passed > 0 ? 0 : 1;
  } finally {
    await downLocalStack(stateDir, true);
  }
}

function runJest(
  phase: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): { passed: number; failed: number; skipped: number; ok: boolean } {
  const outputFile = join(stateDir, `jest-${phase}.json`);
  const result = spawnSync(
    process.execPath,
    [
      require.resolve('jest/bin/jest'),
      ...args,
      '--json',
      `--outputFile=${outputFile}`,
      '--passWithNoTests',
      // A client library's lingering socket must not keep CI waiting after the last test.
      '--forceExit',
      ...jestArgs,
    ],
    { cwd: workspaceRoot, env, stdio: 'inherit' },
  );
  if (!existsSync(outputFile)) {
    return { passed: 0, failed: 0, skipped: 0, ok: false };
  }
  const json = JSON.parse(readFileSync(outputFile, 'utf8')) as JestJson;
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests + json.numRuntimeErrorTestSuites,
    skipped: json.numPendingTests + json.numTodoTests,
    ok: result.status === 0,
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

// Interrupted (Ctrl-C, CI timeout): stop what this run started before exiting.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void downLocalStack(stateDir, true).finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
