import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Tracer } from '@opentelemetry/api';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { ServiceConfig } from '../config/service-config';
import { installProcessTracing } from './process-tracing';
import { createTracerProvider } from './tracer-provider';

/** How long graceful shutdown waits for the last spans to reach the collector. */
export const FLUSH_TIMEOUT_MS = 5_000;

const TRACER_NAME = '@leadrail/nest-kit';

/**
 * A service's tracing: on when OTEL_EXPORTER_OTLP_ENDPOINT is set, off
 * otherwise. Off means no provider, no exporter and no `tracer`: every hook
 * (HTTP, appends, relay, consumer) then leaves its code path as it was. On
 * graceful stop, after consumers, relays and the HTTP server have stopped,
 * the spans still batched are exported and the provider shut down.
 */
export class Tracing implements OnApplicationShutdown {
  /** Starts spans; undefined when tracing is off. */
  readonly tracer?: Tracer;
  private readonly logger = new Logger(Tracing.name);

  private constructor(private readonly provider?: NodeTracerProvider) {
    this.tracer = provider?.getTracer(TRACER_NAME);
  }

  static start(config: ServiceConfig['tracing']): Tracing {
    if (!config.endpoint) {
      return new Tracing();
    }
    const provider = createTracerProvider({
      endpoint: config.endpoint,
      serviceName: config.serviceName,
    });
    installProcessTracing(provider);
    return new Tracing(provider);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.provider) {
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), FLUSH_TIMEOUT_MS);
      timer.unref();
    });
    try {
      const result = await Promise.race([this.provider.shutdown(), timeout]);
      if (result === 'timeout') {
        this.logger.warn(`spans not exported within ${FLUSH_TIMEOUT_MS} ms of shutdown: dropped`);
      }
    } catch (error) {
      this.logger.warn(`exporting the last spans failed: ${String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
