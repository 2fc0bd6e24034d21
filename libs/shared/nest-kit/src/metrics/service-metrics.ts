import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The service's own Prometheus registry (not prom-client's global one), so
 * several services in one process, as in tests, never collide.
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'leadrail_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly inboundEvents = new Counter({
    name: 'leadrail_inbound_events_total',
    help: 'Integration events consumed from Kafka, by topic and outcome',
    labelNames: ['topic', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }
}
