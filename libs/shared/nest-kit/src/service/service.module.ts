import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ServiceConfig, SERVICE_CONFIG } from '../config/service-config';
import { DatabaseModule } from '../database/database.module';
import { HealthController } from '../health/health.controller';
import { KafkaHealthIndicator } from '../health/kafka.health';
import { LifecycleState } from '../health/lifecycle-state';
import { inboundEventsController } from '../kafka/inbound-events.controller';
import { InboundEvents } from '../kafka/inbound-events';
import { KafkaConsumerState } from '../kafka/kafka-consumer-state';
import { LoggingModule } from '../logging/logging.module';
import { HttpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { OutboundAddressPolicy } from '../outbound/outbound-address-policy';
import { CLOCK } from '../ports/clock';
import { IDS } from '../ports/ids';
import { portProviders } from '../ports/ports.providers';
import { MetricsController } from '../metrics/metrics.controller';
import { ServiceMetrics } from '../metrics/service-metrics';
import { EVENT_STORE, eventStoreProviders } from '../event-store/event-store.provider';
import { ProjectionsHost } from '../event-store/projections-host';
import { relayPublisherProvider } from '../event-store/relay-publisher';
import { INTEGRATION_EVENT_HANDLERS } from '../kafka/integration-event-handlers';
import { ServiceProducer } from '../kafka/service-producer';
import { Tracing } from '../tracing/tracing';
import { SERVICE_DEFINITION, ServiceDefinition } from './service-definition';
import type { StartupContext } from './startup-context';

/** The root module of every service: shared operations around the service's own module. */
@Module({})
export class ServiceModule implements NestModule {
  static forService(
    definition: ServiceDefinition,
    config: ServiceConfig,
    startup?: StartupContext,
  ): DynamicModule {
    return {
      module: ServiceModule,
      global: true,
      imports: [
        LoggingModule.forService(config),
        DatabaseModule.forService(definition, config, startup),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        definition.module,
      ],
      controllers: [
        HealthController,
        MetricsController,
        inboundEventsController(definition.subscriptions),
      ],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_DEFINITION, useValue: definition },
        // Started with the application, flushed and shut down with it (off without an OTLP endpoint).
        { provide: Tracing, useFactory: () => Tracing.start(config.tracing) },
        ServiceProducer,
        ...eventStoreProviders,
        relayPublisherProvider,
        ProjectionsHost,
        ...(definition.handlers ?? []),
        {
          provide: INTEGRATION_EVENT_HANDLERS,
          useFactory: (...handlers: unknown[]) => handlers,
          inject: [...(definition.handlers ?? [])],
        },
        { provide: ServiceMetrics, useValue: new ServiceMetrics(config.service) },
        KafkaConsumerState,
        KafkaHealthIndicator,
        LifecycleState,
        InboundEvents,
        OutboundAddressPolicy,
        ...portProviders,
      ],
      exports: [
        SERVICE_CONFIG,
        SERVICE_DEFINITION,
        ServiceMetrics,
        LifecycleState,
        ServiceProducer,
        EVENT_STORE,
        ProjectionsHost,
        OutboundAddressPolicy,
        CLOCK,
        IDS,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
