import { INestApplication, Logger } from '@nestjs/common';
import { ConfigError } from '../config/config-error';
import { loadServiceConfig } from '../config/service-config';
import { LifecycleState } from '../health/lifecycle-state';
import { onStopRequest } from './stop-requests';
import { ServiceDefinition } from './service-definition';
import { startService } from './start-service';

/** Exit codes an operator can tell apart. */
export const EXIT_CODES = { ok: 0, failed: 1, invalidConfig: 78 } as const;

/**
 * The process entry point of a service: validate configuration, start, and on
 * a stop request (SIGTERM, SIGINT, or the parent process that started it with
 * an IPC channel going away) stop gracefully within SHUTDOWN_TIMEOUT_MS:
 * readiness fails first, then consumers stop, in-flight work finishes,
 * connections close. A stop requested while start-up still waits for
 * PostgreSQL or Kafka ends the wait and exits 0 at once.
 */
export async function runService(definition: ServiceDefinition, env = process.env): Promise<void> {
  let config;
  try {
    config = checkedConfig(definition, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT_CODES.invalidConfig);
    }
    throw error;
  }

  const logger = new Logger(definition.name);
  const startup = new AbortController();
  let app: INestApplication | undefined;
  let stopping = false;

  const stop = (reason: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    const deadline = setTimeout(() => {
      process.stderr.write(
        `${definition.name}: shutdown took longer than ${config.shutdown.timeoutMs} ms\n`,
      );
      process.exit(EXIT_CODES.failed);
    }, config.shutdown.timeoutMs);
    deadline.unref();
    if (!app) {
      // Nothing served or consumed yet: end start-up's waits; its failure path exits 0.
      process.stderr.write(`${definition.name}: ${reason} during start-up: stopping\n`);
      startup.abort(new Error(reason));
      return;
    }
    logger.log(`${reason}: shutting down`);
    closeGracefully(app, definition.name, logger);
  };
  onStopRequest(stop);

  let url: string;
  try {
    ({ app, url } = await startService(definition, config, { signal: startup.signal }));
  } catch (error) {
    if (startup.signal.aborted) {
      process.stderr.write(`${definition.name}: stopped before start-up completed\n`);
      process.exit(EXIT_CODES.ok);
    }
    process.stderr.write(`${definition.name}: failed to start: ${describe(error)}\n`);
    process.exit(EXIT_CODES.failed);
  }
  if (stopping) {
    // The stop came as start-up finished, too late to abort it.
    closeGracefully(app, definition.name, logger);
    return;
  }
  logger.log(`${definition.name} listening on ${url}`);
}

function closeGracefully(app: INestApplication, name: string, logger: Logger): void {
  app.get(LifecycleState).markShuttingDown();
  app
    .close()
    .then(() => {
      logger.log('shutdown complete');
      process.exit(EXIT_CODES.ok);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${name}: shutdown failed: ${describe(error)}\n`);
      process.exit(EXIT_CODES.failed);
    });
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The common configuration and the service's own checks, every problem of both in one error. */
function checkedConfig(definition: ServiceDefinition, env: NodeJS.ProcessEnv) {
  const problems: ConfigError['problems'][number][] = [];
  const collect = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) {
        throw error;
      }
      problems.push(...error.problems);
      return undefined;
    }
  };
  const config = collect(() => loadServiceConfig(definition.name, env, definition.requires));
  for (const check of definition.checkEnv ?? []) {
    collect(() => check(env));
  }
  if (config === undefined || problems.length > 0) {
    throw new ConfigError(definition.name, problems);
  }
  return config;
}
