import { Logger } from '@nestjs/common';
import { ConfigError } from '../config/config-error';
import { loadServiceConfig } from '../config/service-config';
import { LifecycleState } from '../health/lifecycle-state';
import { ServiceDefinition } from './service-definition';
import { startService } from './start-service';

/** Exit codes an operator can tell apart. */
export const EXIT_CODES = { ok: 0, failed: 1, invalidConfig: 78 } as const;

/**
 * The process entry point of a service: validate configuration, start, and on
 * SIGTERM/SIGINT stop gracefully (readiness fails first, then consumers stop,
 * in-flight work finishes, connections close) within SHUTDOWN_TIMEOUT_MS.
 */
export async function runService(definition: ServiceDefinition, env = process.env): Promise<void> {
  let config;
  try {
    config = loadServiceConfig(definition.name, env, definition.requires);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT_CODES.invalidConfig);
    }
    throw error;
  }

  const logger = new Logger(definition.name);
  let started;
  try {
    started = await startService(definition, config);
  } catch (error) {
    process.stderr.write(`${definition.name}: failed to start: ${describe(error)}\n`);
    process.exit(EXIT_CODES.failed);
  }
  const { app, url } = started;
  logger.log(`${definition.name} listening on ${url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.log(`${signal} received: shutting down`);
    app.get(LifecycleState).markShuttingDown();
    const deadline = setTimeout(() => {
      process.stderr.write(
        `${definition.name}: shutdown took longer than ${config.shutdown.timeoutMs} ms\n`,
      );
      process.exit(EXIT_CODES.failed);
    }, config.shutdown.timeoutMs);
    deadline.unref();
    app
      .close()
      .then(() => {
        logger.log('shutdown complete');
        process.exit(EXIT_CODES.ok);
      })
      .catch((error: unknown) => {
        process.stderr.write(`${definition.name}: shutdown failed: ${describe(error)}\n`);
        process.exit(EXIT_CODES.failed);
      });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
