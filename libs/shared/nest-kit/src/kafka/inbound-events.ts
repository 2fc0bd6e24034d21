import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type ConsumeOutcome,
  type DecodeResult,
  DEFAULT_RETRY_POLICY,
  type DecodedEvent,
  type InboundMessage,
  type IntegrationEventHandler,
  KafkaDeadLetterSink,
  consumeMessage,
} from '@leadrail/messaging';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { ServiceMetrics } from '../metrics/service-metrics';
import { SERVICE_DEFINITION, type ServiceDefinition } from '../service/service-definition';
import { type ConsumedLabel, withConsumerSpan } from '../tracing/consumer-span';
import { Tracing } from '../tracing/tracing';
import { decodeWithContracts } from './decode-with-contracts';
import { INTEGRATION_EVENT_HANDLERS } from './integration-event-handlers';
import { ServiceProducer } from './service-producer';

/** Sees every consumed message before decoding: tracing, tests. Must not throw. */
export type InboundMessageTap = (message: InboundMessage) => void;

/**
 * The service's single entry point for consumed messages: decoded against the
 * service's contracts, applied once per handler (inbox), skipped (and counted)
 * when no handler takes its type, dead-lettered when malformed, breaking the
 * contract of a type the service has contracts for, or failing. Nest commits the offset after this returns.
 */
@Injectable()
export class InboundEvents {
  private readonly logger = new Logger(InboundEvents.name);
  private readonly taps = new Set<InboundMessageTap>();
  private readonly handlers: IntegrationEventHandler[];
  private readonly deadLetters: KafkaDeadLetterSink;
  private readonly decode: (message: InboundMessage) => DecodeResult<DecodedEvent>;

  constructor(
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
    @Inject(SERVICE_DEFINITION) private readonly definition: ServiceDefinition,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ServiceProducer) producer: ServiceProducer,
    @Inject(INTEGRATION_EVENT_HANDLERS) handlers: IntegrationEventHandler[],
    @Inject(Tracing) private readonly tracing: Tracing,
  ) {
    this.handlers = [...handlers];
    this.deadLetters = new KafkaDeadLetterSink(producer.producer);
    // Without contracts of its own, a service checks envelopes and skips every type.
    this.decode = definition.decode ?? decodeWithContracts({});
  }

  /** Observes every message; returns the function that removes the tap. */
  tap(tap: InboundMessageTap): () => void {
    this.taps.add(tap);
    return () => this.taps.delete(tap);
  }

  /** Adds a handler at run time (the definition's handlers are registered at boot). */
  addHandler(handler: IntegrationEventHandler): void {
    this.handlers.push(handler);
  }

  /**
   * Consumes one message; with tracing on, in a consumer span continuing the
   * trace its headers carry, so what the handlers append continues it too.
   */
  receive(message: InboundMessage): Promise<ConsumeOutcome> {
    const tracer = this.tracing.tracer;
    if (!tracer) {
      return this.consume(message);
    }
    return withConsumerSpan(
      tracer,
      message,
      this.config.kafka.groupId,
      () => this.consume(message),
      outcomeLabel,
    );
  }

  private async consume(message: InboundMessage): Promise<ConsumeOutcome> {
    for (const tap of this.taps) {
      tap(message);
    }
    const outcome = await consumeMessage<DecodedEvent>(message, {
      decode: this.decode,
      handlers: this.handlers,
      transaction: (work) => this.dataSource.transaction(work),
      deadLetters: this.deadLetters,
      retry: DEFAULT_RETRY_POLICY,
      consumerGroup: this.config.kafka.groupId,
      sleep: (ms) => sleep(ms),
      clock: () => new Date(),
    });
    this.metrics.inboundEvents.inc({
      topic: message.topic,
      outcome: outcomeLabel(outcome).outcome,
    });
    if (outcome.kind === 'dead-lettered') {
      this.logger.warn(
        {
          topic: message.topic,
          partition: message.partition,
          offset: message.offset,
          reason: outcome.reason,
          error: outcome.error,
        },
        'message dead-lettered',
      );
    }
    return outcome;
  }
}

/** The outcome as `leadrail_inbound_events_total` labels it: handled, ignored, dead-lettered or failed. */
function outcomeLabel(outcome: ConsumeOutcome): ConsumedLabel {
  const label =
    outcome.kind === 'consumed' ? (outcome.failed.length > 0 ? 'failed' : 'handled') : outcome.kind;
  return { outcome: label, failed: label === 'failed' || label === 'dead-lettered' };
}
