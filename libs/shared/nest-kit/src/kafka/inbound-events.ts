import { Inject, Injectable, Logger } from '@nestjs/common';
import { ServiceMetrics } from '../metrics/service-metrics';

/** Where a consumed integration event came from, for logs and dead letters. */
export interface InboundEventSource {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
}

/** A consumed integration event as it reached the service. */
export interface ReceivedEvent {
  source: InboundEventSource;
  payload: unknown;
}

export type InboundEventListener = (event: ReceivedEvent) => void | Promise<void>;

/**
 * The service's single entry point for consumed integration events: counted,
 * logged, then handed to the listeners the service's slices register. The
 * offset is committed only after every listener has finished. Contract
 * validation, de-duplication and dead letters belong to the messaging library.
 */
@Injectable()
export class InboundEvents {
  private readonly logger = new Logger(InboundEvents.name);
  private readonly listeners = new Set<InboundEventListener>();

  constructor(@Inject(ServiceMetrics) private readonly metrics: ServiceMetrics) {}

  /** Registers a listener; returns the function that removes it. */
  listen(listener: InboundEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async receive(event: ReceivedEvent): Promise<void> {
    this.logger.debug(
      { ...event.source, type: typeOf(event.payload) },
      'integration event received',
    );
    try {
      for (const listener of this.listeners) {
        await listener(event);
      }
      this.metrics.inboundEvents.inc({ topic: event.source.topic, outcome: 'handled' });
    } catch (error) {
      this.metrics.inboundEvents.inc({ topic: event.source.topic, outcome: 'failed' });
      throw error;
    }
  }
}

function typeOf(payload: unknown): string {
  if (typeof payload === 'object' && payload !== null && 'type' in payload) {
    return String(payload.type);
  }
  return 'unknown';
}
