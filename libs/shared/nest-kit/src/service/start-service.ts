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
import { ServiceModule } from './service.module';

/** Extension points of start-up, for instrumentation and fixtures. */
export interface StartHooks {
  /** Runs once the application exists and before the first message is consumed (taps, extra handlers). */
  beforeConsuming?(app: INestApplication): void;
}

/** A started service and the address its HTTP server listens on. */
export interface StartedService {
  app: INestApplication;
  url: string;
}

/**
 * Builds the service's Nest application, starts consuming its subscriptions and
 * listens for HTTP. Fails (rather than limping on) when the database or Kafka
 * cannot be reached within their retry budgets: the orchestrator restarts it.
 */
export async function startService(
  definition: ServiceDefinition,
  config: ServiceConfig,
  hooks: StartHooks = {},
): Promise<StartedService> {
  const app = await NestFactory.create(ServiceModule.forService(definition, config), {
    bufferLogs: true,
  });
  try {
    const logger = app.get(Logger);
    app.useLogger(logger);
    app.useGlobalPipes(createValidationPipe());
    applyHttpInputPolicy(app);
    if (definition.openApi) {
      serveOpenApi(app, definition.openApi);
    }
    // Each subscription's dead-letter topic too: a first dead letter must not wait for topic creation.
    const created = await ensureSubscribedTopics(config, [
      ...definition.subscriptions,
      ...definition.subscriptions.map(deadLetterTopic),
      ...(definition.publishes ?? []),
    ]);
    if (created.length > 0) {
      logger.log({ topics: created }, 'created missing subscribed topics');
    }
    const kafkaOptions = kafkaServerOptions(config).options!;
    app.connectMicroservice(
      { strategy: new ObservedServerKafka(kafkaOptions, app.get(KafkaConsumerState)) },
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
