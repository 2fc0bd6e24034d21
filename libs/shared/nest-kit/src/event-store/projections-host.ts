import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventStore } from '@leadrail/event-store';
import { type MessagePublisher, RelayProjection } from '@leadrail/messaging';
import {
  type Projection,
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from '@leadrail/projections';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { ServiceMetrics } from '../metrics/service-metrics';
import { SERVICE_DEFINITION, type ServiceDefinition } from '../service/service-definition';
import { EVENT_STORE } from './event-store.provider';
import { RELAY_PUBLISHER } from './relay-publisher';

/**
 * Runs the service's projections (read models, same schema as the service) and
 * relays (its streams to Kafka) for as long as the service runs. All of them
 * resume by themselves after the log or the database failed transiently;
 * relays also retry while Kafka is away. A read model stops only at an event it
 * cannot apply: readiness (`projections`) and `leadrail_projection_up` say so.
 */
@Injectable()
export class ProjectionsHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProjectionsHost.name);
  private readonly runners = new Map<string, ProjectionRunner>();

  constructor(
    @Inject(SERVICE_DEFINITION) private readonly definition: ServiceDefinition,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RELAY_PUBLISHER) private readonly publisher: MessagePublisher,
    @Inject(ServiceMetrics) metrics: ServiceMetrics,
  ) {
    metrics.trackProjections(() => this.statuses());
  }

  /** A running projection by name, e.g. to wait for it or rebuild it. */
  runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) {
      throw new Error(`no projection named ${name} runs in ${this.definition.name}`);
    }
    return runner;
  }

  /** Every projection's state, position and, once stopped, why: for readiness and metrics. */
  statuses(): ProjectionStatus[] {
    return [...this.runners.values()].map((runner) => runner.status());
  }

  async onApplicationBootstrap(): Promise<void> {
    const common = { schema: this.config.database.schema, logger: this.logger };
    for (const projection of this.definition.projections ?? []) {
      this.add(projection, common);
    }
    for (const route of this.definition.relays ?? []) {
      this.add(new RelayProjection(route, this.publisher), {
        ...common,
        batchSize: 200,
        retry: { attempts: Number.POSITIVE_INFINITY, initialDelayMs: 200, maxDelayMs: 10_000 },
      });
    }
    await Promise.all([...this.runners.values()].map((runner) => runner.start()));
  }

  /**
   * Before any connection closes (TypeORM's data source and the log close in
   * onApplicationShutdown): a batch in hand is finished, and no runner takes
   * the closing of its database for an outage to ride out.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    // No relay publishes any more: its producer's connections must not outlive the service.
    await this.publisher.close?.().catch((error: unknown) => {
      this.logger.warn(`closing the relay's Kafka producer failed: ${String(error)}`);
    });
  }

  private add(projection: Projection, options: ProjectionRunnerOptions): void {
    this.runners.set(
      projection.name,
      new ProjectionRunner(this.store, this.dataSource, projection, options),
    );
    this.logger.log(`projection ${projection.name} starting`);
  }
}
