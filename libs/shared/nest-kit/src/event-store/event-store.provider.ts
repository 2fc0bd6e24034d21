import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@leadrail/event-store';
import { KurrentDbEventStore } from '@leadrail/event-store-kurrentdb';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { traceEventStore } from '../tracing/traced-event-store';
import { Tracing } from '../tracing/tracing';

/** Injection token of the service's event log. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** Opens the configured log once and closes it at shutdown. */
@Injectable()
export class EventStoreLifecycle implements OnApplicationShutdown {
  private store?: Promise<EventStore>;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  open(): Promise<EventStore> {
    this.store ??= this.config.eventStore.url
      ? KurrentDbEventStore.connect(this.config.eventStore.url)
      : PostgresEventStore.open({
          connectionString: this.config.database.url,
          schema: this.config.eventStore.schema,
        });
    return this.store;
  }

  async onApplicationShutdown(): Promise<void> {
    await (await this.store)?.close();
  }
}

export const eventStoreProviders = [
  EventStoreLifecycle,
  {
    provide: EVENT_STORE,
    // Appends are traced (a span, its context in each event's metadata) when tracing is on.
    useFactory: async (lifecycle: EventStoreLifecycle, tracing: Tracing) =>
      traceEventStore(await lifecycle.open(), tracing),
    inject: [EventStoreLifecycle, Tracing],
  },
];
