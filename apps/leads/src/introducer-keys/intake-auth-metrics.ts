import { Inject, Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@leadrail/nest-kit';
import { Counter } from 'prom-client';

/** Why an intake request was not authenticated (a bounded set: the metric's label). */
export type IntakeAuthFailure = 'missing' | 'malformed' | 'unknown' | 'wrong-secret' | 'revoked';

/**
 * `leadrail_intake_auth_failures_total{reason}` on the service's registry: a
 * rise in `unknown` or `wrong-secret` is someone guessing, in `revoked` an
 * introducer still using a key it was told to replace.
 */
@Injectable()
export class IntakeAuthMetrics {
  private readonly failures: Counter<'reason'>;

  constructor(@Inject(ServiceMetrics) metrics: ServiceMetrics) {
    this.failures = new Counter({
      name: 'leadrail_intake_auth_failures_total',
      help: 'Intake requests refused for their introducer API key, by reason',
      labelNames: ['reason'] as const,
      registers: [metrics.registry],
    });
  }

  failed(reason: IntakeAuthFailure): void {
    this.failures.inc({ reason });
  }
}
