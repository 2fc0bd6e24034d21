import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ServiceConfig } from '../config/service-config';
import { deadLetterTopic } from '@leadrail/messaging';
import { ensureSubscribedTopics } from '../kafka/ensure-topics';
import { KafkaConsumerState } from '../kafka/kafka-consumer-state';
import { kafkaServerOptions } from '../kafka/kafka-server-options';
import { ObservedServerKafka } from '../kafka/observed-server-kafka';
import { ServiceDefinition } from './service-definition';
import { serveOpenApi } from '../http/open-api';
import { createValidationPipe } from '../http/validation-pipe';
import { applyHttpInputPolicy } from '../http/input-policy/apply-input-policy';
import { registerErrorFilters } from '../http/register-error-filters';
import { traceHttpRequests } from '../tracing/trace-http-requests';
import { Tracing } from '../tracing/tracing';
import { ServiceModule } from './service.module';
import { createStartupContext } from './startup-context';
import { waitForDependencies } from './wait-for-dependencies';

/** Extension points of start-up, for instrumentation and fixtures. */
export interface StartHooks {
  /** Runs once the application exists and before the first message is consumed (taps, extra handlers). */
  beforeConsuming?(app: INestApplication): void;
  /** Ends start-up's waits for PostgreSQL and Kafka (a stop requested before the service is up). */
  signal?: AbortSignal;
}

/** A started service and the address its HTTP server listens on. */
export interface StartedService {
  app: INestApplication;
  url: string;
}

/**
 * Waits for PostgreSQL and Kafka, makes sure the topics it uses exist and are
 * usable, builds the service's Nest application, starts consuming its
 * subscriptions and listens for HTTP. A dependency that is unreachable or
 * still settling is waited for with backoff (one warn line per retry) for as
 * long as it takes or until `hooks.signal` aborts; any other failure (a
 * rejected password, a failing migration) fails start-up at once.
 */
export async function startService(
  definition: ServiceDefinition,
  config: ServiceConfig,
  hooks: StartHooks = {},
): Promise<StartedService> {
  const startup = createStartupContext(config, hooks.signal);
  await waitForDependencies(config, startup);
  // Before the application exists: its producer and consumer need the topics (and their leaders).
  // Each subscription's dead-letter topic too: a first dead letter must not wait for topic creation.
  const created = await ensureSubscribedTopics(
    config,
    [
      ...definition.subscriptions,
      ...definition.subscriptions.map(deadLetterTopic),
      ...(definition.publishes ?? []),
    ],
    {
      signal: startup.signal,
      onRetry: (notice) => startup.onRetry(notice),
      logger: startup.kafkaLog,
    },
  );
  if (created.length > 0) {
    startup.info('created missing subscribed topics', { topics: created });
  }
  const app = await NestFactory.create(ServiceModule.forService(definition, config, startup), {
    bufferLogs: true,
    // A failed start is reported and exits 1 (or 0 when a stop was asked for), not a core dump.
    abortOnError: false,
  });
  try {
    const logger = app.get(Logger);
    app.useLogger(logger);
    app.useGlobalPipes(createValidationPipe());
    // Before the body parsers: requests they refuse are traced too.
    traceHttpRequests(app, app.get(Tracing));
    applyHttpInputPolicy(app);
    registerErrorFilters(app, definition.errorFilters);
    if (definition.openApi) {
      serveOpenApi(app, definition.openApi);
    }
    const kafkaOptions = kafkaServerOptions(config).options!;
    app.connectMicroservice(
      { strategy: new ObservedServerKafka(kafkaOptions, app.get(KafkaConsumerState), startup) },
      // HTTP pipes (validation of JSON bodies) must not touch raw Kafka payloads.
      { inheritAppConfig: false },
    );
    hooks.beforeConsuming?.(app);
    await app.startAllMicroservices();
    await app.listen(config.http.port, config.http.host);
    const server = app.getHttpServer() as Server;
    const address = server.address() as AddressInfo;
    const host = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
    return { app, url: `http://${host}:${address.port}` };
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
