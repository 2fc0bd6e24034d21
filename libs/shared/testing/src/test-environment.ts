/** The shared infrastructure of one test run, started by the global setup or given by the environment. */
export interface TestEnvironment {
  databaseUrl: string;
  kafkaBrokers: string;
  /** Set when this run started the local stack itself, so a test may disrupt it. */
  localStackDir?: string;
}

export function testEnvironment(): TestEnvironment {
  const databaseUrl = process.env.DATABASE_URL;
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !kafkaBrokers) {
    throw new Error(
      'integration tests need DATABASE_URL and KAFKA_BROKERS: run them with `npm test`, or with jest, whose global setup starts the local stack',
    );
  }
  return { databaseUrl, kafkaBrokers, localStackDir: process.env.LEADRAIL_LOCAL_STACK_DIR };
}
