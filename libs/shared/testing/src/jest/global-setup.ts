import { join, resolve } from 'node:path';
import { upLocalStack } from '@leadrail/local-infra';

/**
 * Jest's global setup for integration tests run directly with jest: brings up
 * the local stack once for the whole run, unless `npm test` (or the
 * environment) already provides DATABASE_URL and KAFKA_BROKERS.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL && process.env.KAFKA_BROKERS) {
    return;
  }
  const workspaceRoot = resolve(__dirname, '../../../../..');
  const stateDir = join(workspaceRoot, 'deploy', 'local', '.state', `jest-${process.pid}`);
  const stack = await upLocalStack({ workspaceRoot, stateDir });
  process.env.DATABASE_URL = stack.databaseUrl;
  process.env.KAFKA_BROKERS = stack.kafkaBrokers;
  process.env.LEADRAIL_LOCAL_STACK_DIR = stateDir;
  process.env.LEADRAIL_STACK_OWNED_BY_JEST = '1';
}
