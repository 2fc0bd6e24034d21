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
 * attempts' outcomes stay in the event log (`DeliveryAttempted`). Settled
 * referral emails of offers that ended as long ago go too. Every instance
 * purges; deleting what another deleted already is harmless.
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
      purged = await this.inBatches(
        `DELETE FROM delivery_attempts WHERE id IN (
           SELECT id FROM delivery_attempts WHERE started_at < $1 LIMIT $2)`,
        before,
      );
      // Settled referral emails whose offer ended as long ago: a LeadReferred that old, were it
      // redelivered, would find its offer expired and send nothing anyway.
      await this.inBatches(
        `DELETE FROM delivery_referral_emails WHERE referral_id IN (
           SELECT referral_id FROM delivery_referral_emails
            WHERE state <> 'pending' AND expires_at < $1 LIMIT $2)`,
        before,
      );
      return purged;
    } catch (error) {
      this.logger.warn(
        `attempt log purge failed, trying again within the hour: ${describeError(error)}`,
      );
      return purged;
    }
  }

  /** Runs a batched DELETE until it deletes less than a batch; returns how many rows went. */
  private async inBatches(sql: string, before: Date): Promise<number> {
    let deleted = 0;
    for (;;) {
      // For a DELETE, TypeORM's PostgreSQL driver answers [rows, affected count].
      const [, count] = await this.dataSource.query<[unknown, number]>(sql, [before, BATCH]);
      deleted += count;
      if (count < BATCH) {
        return deleted;
      }
    }
  }
}
