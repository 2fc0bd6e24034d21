import type { ProjectionStatus } from '@leadrail/projections';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The service's own Prometheus registry (not prom-client's global one), so
 * several services in one process, as in tests, never collide.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private projections: () => Iterable<ProjectionStatus> = () => [];

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

  // Projection metrics are read from the runners at scrape time, so they are never stale.
  readonly projectionUp: Gauge<'projection'> = new Gauge({
    name: 'leadrail_projection_up',
    help: 'Whether a projection (read model or relay) follows the log: 0 once an event it cannot apply stopped it',
    labelNames: ['projection'] as const,
    registers: [this.registry],
    collect: () =>
      this.eachProjection((labels, status) =>
        this.projectionUp.set(labels, status.state === 'stopped' ? 0 : 1),
      ),
  });

  readonly projectionRetrying: Gauge<'projection'> = new Gauge({
    name: 'leadrail_projection_retrying',
    help: 'Whether a projection is retrying after a transient failure (log or database unreachable)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
    collect: () =>
      this.eachProjection((labels, status) =>
        this.projectionRetrying.set(labels, status.state === 'retrying' ? 1 : 0),
      ),
  });

  readonly projectionPosition: Gauge<'projection'> = new Gauge({
    name: 'leadrail_projection_position',
    help: 'Global log position of the last event a projection applied (-1: none yet)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
    collect: () =>
      this.eachProjection((labels, status) =>
        this.projectionPosition.set(labels, Number(status.position)),
      ),
  });

  readonly projectionRetries: Counter<'projection' | 'stage'> = new Counter({
    name: 'leadrail_projection_retries_total',
    help: 'Retries of a projection since the process started, by stage (read: the log; apply: a batch)',
    labelNames: ['projection', 'stage'] as const,
    registers: [this.registry],
    collect: () => {
      // The runners keep the totals; a counter can only be added to, so it is re-filled.
      this.projectionRetries.reset();
      this.eachProjection((labels, status) => {
        this.projectionRetries.inc({ ...labels, stage: 'read' }, status.retries.read);
        this.projectionRetries.inc({ ...labels, stage: 'apply' }, status.retries.apply);
      });
    },
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Where the projection metrics come from (the service's ProjectionsHost). */
  trackProjections(source: () => Iterable<ProjectionStatus>): void {
    this.projections = source;
  }

  private eachProjection(
    update: (labels: { projection: string }, status: ProjectionStatus) => void,
  ): void {
    for (const status of this.projections()) {
      update({ projection: status.name }, status);
    }
  }
}
