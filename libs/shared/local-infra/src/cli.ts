/**
 * Local infrastructure for development: `npm run infra:up`, `infra:down`,
 * `infra:status`. Prints the variables the services read.
 */
import { join, resolve } from 'node:path';
import { downLocalStack, isLocalStackRunning, readStackState, upLocalStack } from './local-stack';

const workspaceRoot = resolve(__dirname, '../../../..');
const stateDir =
  process.env.LEADRAIL_STATE_DIR ?? join(workspaceRoot, 'deploy', 'local', '.state', 'dev');

async function main(command: string): Promise<void> {
  switch (command) {
    case 'up': {
      const state = await upLocalStack({ workspaceRoot, stateDir });
      printEnv(state.databaseUrl, state.kafkaBrokers);
      return;
    }
    case 'down':
      await downLocalStack(stateDir, process.argv.includes('--purge'));
      console.log(
        process.argv.includes('--purge')
          ? 'local stack stopped and its data deleted'
          : 'local stack stopped (data kept)',
      );
      return;
    case 'status': {
      const state = readStackState(stateDir);
      if (!state || !isLocalStackRunning(state)) {
        console.log(
          state
            ? 'local stack is stopped (npm run infra:up resumes it)'
            : 'local stack was never started',
        );
        process.exitCode = 3;
        return;
      }
      printEnv(state.databaseUrl, state.kafkaBrokers);
      return;
    }
    default:
      console.error('usage: infra <up|down [--purge]|status>');
      process.exitCode = 2;
  }
}

function printEnv(databaseUrl: string, kafkaBrokers: string): void {
  console.log(`DATABASE_URL=${databaseUrl}`);
  console.log(`KAFKA_BROKERS=${kafkaBrokers}`);
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
