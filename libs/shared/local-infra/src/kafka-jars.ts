import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { requireCommand } from './processes';

/** Where the broker's jars are copied by deploy/local/kafka/pom.xml. */
export function kafkaJarsDir(workspaceRoot: string): string {
  return join(workspaceRoot, 'deploy', 'local', '.cache', 'kafka', 'jars');
}

/**
 * Resolves Apache Kafka's jars from Maven Central with the project's pom, once:
 * later runs reuse the copied jars (and Maven reuses ~/.m2).
 */
export function ensureKafkaJars(workspaceRoot: string): string {
  const jarsDir = kafkaJarsDir(workspaceRoot);
  if (existsSync(jarsDir) && readdirSync(jarsDir).some((name) => name.startsWith('kafka_2.13-'))) {
    return jarsDir;
  }
  requireCommand('mvn', '--version', 'to resolve the Kafka broker from Maven Central');
  const pom = join(workspaceRoot, 'deploy', 'local', 'kafka', 'pom.xml');
  const result = spawnSync(
    'mvn',
    ['-B', '-ntp', '-q', '-f', pom, 'dependency:copy-dependencies', `-Dkafka.jars.dir=${jarsDir}`],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(
      `resolving Kafka's jars with Maven failed:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return jarsDir;
}
