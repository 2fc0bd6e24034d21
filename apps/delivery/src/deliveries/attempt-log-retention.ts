import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { describeError } from '@leadrail/projections';
import { DataSource } from 'typeorm';
import { DELIVERY_SETTINGS, type DeliverySettings } from '../config/delivery.env';

/** How often each instance purges: retention is counted in days, so hourly is plenty. */
const PURGE_EVERY_MS = 60 * 60_000;
/** Rows per statement, so a first purge of a large log does not hold one long lock. */
const BATCH = 5000;

/**
 * Purges the attempt log past DELIVERY_LOG_RETENTION_DAYS: its requests and
 * responses hold leads' contacts, which are kept no longer than needed. The
 * attempts' outcomes stay in the event log (`DeliveryAttempted`). Every
 * instance purges; deleting what another deleted already is harmless.
 */
@Injectable()
export class AttemptLogRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AttemptLogRetention.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes attempts started before the retention period; returns how many. Never throws. */
  async purge(): Promise<number> {
    const before = new Date(
      this.clock.now().getTime() - this.settings.logRetentionDays * 24 * 60 * 60_000,
    );
    let purged = 0;
    try {
      for (;;) {
        // For a DELETE, TypeORM's PostgreSQL driver answers [rows, affected count].
        const [, deleted] = await this.dataSource.query<[unknown, number]>(
          `DELETE FROM delivery_attempts WHERE id IN (
             SELECT id FROM delivery_attempts WHERE started_at < $1 LIMIT $2)`,
          [before, BATCH],
        );
        purged += deleted;
        if (deleted < BATCH) {
          return purged;
        }
      }
    } catch (error) {
      this.logger.warn(
        `attempt log purge failed, trying again within the hour: ${describeError(error)}`,
      );
      return purged;
    }
  }
}
