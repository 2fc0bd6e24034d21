import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EventStore } from '@leadrail/event-store';
import { type MessagePublisher, RelayProjection } from '@leadrail/messaging';
import { type Projection, ProjectionRunner } from '@leadrail/projections';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { SERVICE_DEFINITION, type ServiceDefinition } from '../service/service-definition';
import { EVENT_STORE } from './event-store.provider';
import { RELAY_PUBLISHER } from './relay-publisher';

/**
 * Runs the service's projections (read models, same schema as the service) and
 * relays (its streams to Kafka) for as long as the service runs. Relays retry
 * while Kafka is away; a read model that fails stops and is reported.
 */
@Injectable()
export class ProjectionsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionsHost.name);
  private readonly runners = new Map<string, ProjectionRunner>();

  constructor(
    @Inject(SERVICE_DEFINITION) private readonly definition: ServiceDefinition,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RELAY_PUBLISHER) private readonly publisher: MessagePublisher,
  ) {}

  /** A running projection by name, e.g. to wait for it or rebuild it. */
  runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) {
      throw new Error(`no projection named ${name} runs in ${this.definition.name}`);
    }
    return runner;
  }

  async onApplicationBootstrap(): Promise<void> {
    const schema = this.config.database.schema;
    for (const projection of this.definition.projections ?? []) {
      this.add(
        projection,
        new ProjectionRunner(this.store, this.dataSource, projection, { schema }),
      );
    }
    for (const route of this.definition.relays ?? []) {
      const relay = new RelayProjection(route, this.publisher);
      this.add(
        relay,
        new ProjectionRunner(this.store, this.dataSource, relay, {
          schema,
          batchSize: 200,
          retry: { attempts: Number.POSITIVE_INFINITY, initialDelayMs: 200, maxDelayMs: 10_000 },
        }),
      );
    }
    await Promise.all([...this.runners.values()].map((runner) => runner.start()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  private add(projection: Projection, runner: ProjectionRunner): void {
    this.runners.set(projection.name, runner);
    this.logger.log(`projection ${projection.name} starting`);
  }
}
