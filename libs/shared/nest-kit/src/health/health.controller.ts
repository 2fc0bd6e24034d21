import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { ProjectionsHost } from '../event-store/projections-host';
import { KafkaHealthIndicator } from './kafka.health';
import { LifecycleState } from './lifecycle-state';
import { checkProjections } from './projections.health';

/**
 * Liveness says the process answers; readiness says it can do its work now
 * (database and Kafka reachable, no read model stopped, not shutting down).
 * Orchestrators restart on the first and route traffic on the second.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(TypeOrmHealthIndicator) private readonly database: TypeOrmHealthIndicator,
    @Inject(KafkaHealthIndicator) private readonly kafka: KafkaHealthIndicator,
    @Inject(LifecycleState) private readonly lifecycle: LifecycleState,
    @Inject(ProjectionsHost) private readonly projections: ProjectionsHost,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    if (this.lifecycle.isShuttingDown) {
      throw new ServiceUnavailableException({ status: 'shutting_down' });
    }
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1_500 }),
      () => this.kafka.check('kafka'),
      () => checkProjections(this.indicators, 'projections', this.projections.statuses()),
    ]);
  }
}
