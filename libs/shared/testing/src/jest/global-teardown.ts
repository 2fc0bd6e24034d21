import { downLocalStack } from '@leadrail/local-infra';

/** Stops the local stack if this jest run's global setup started it. */
export default async function globalTeardown(): Promise<void> {
  const stateDir = process.env.LEADRAIL_LOCAL_STACK_DIR;
  if (process.env.LEADRAIL_STACK_OWNED_BY_JEST === '1' && stateDir) {
    await downLocalStack(stateDir, true);
  }
}
