import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { describeError } from '@leadrail/projections';
import { DELIVERY_SETTINGS, type DeliverySettings } from '../config/delivery.env';
import { AttemptRunner } from './attempt-runner';
import { DeliverySchedule } from './delivery-schedule';

/** Attempts one instance makes at the same time (each holds a database connection while it waits). */
const WORKERS = 4;
/** Attempts a worker makes per round before it looks at the clock again. */
const PER_ROUND = 25;

/**
 * Makes the attempts due: every DELIVERY_POLL_MS, each of a few workers
 * claims due attempts one by one (`SKIP LOCKED`, so instances and workers
 * never make the same attempt at once) until none is due. The schedule is a
 * table, so an attempt due while the service was down is made once after it
 * starts again. A failed round (the database away) is logged and the next
 * one tries again.
 */
@Injectable()
export class DeliveryAttemptsPoller
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(DeliveryAttemptsPoller.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    @Inject(DeliverySchedule) private readonly schedule: DeliverySchedule,
    @Inject(AttemptRunner) private readonly runner: AttemptRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduleNext();
  }

  /** Before the database closes: no new round, and the attempts in flight finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running;
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** One round: every attempt due now, by all workers; returns how many were handled. */
  async tick(): Promise<number> {
    const counts = await Promise.all(Array.from({ length: WORKERS }, () => this.work()));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  private async work(): Promise<number> {
    let handled = 0;
    try {
      for (;;) {
        const claimed = await this.schedule.claimDue(this.clock.now(), PER_ROUND, (due, manager) =>
          this.runner.run(due, manager),
        );
        handled += claimed;
        if (claimed < PER_ROUND || this.stopped) {
          return handled;
        }
      }
    } catch (error) {
      this.logger.warn(
        `delivery round failed, trying again in ${this.settings.pollMs} ms: ${describeError(error)}`,
      );
      return handled;
    }
  }

  private stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private scheduleNext(): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.scheduleNext();
      });
    }, this.settings.pollMs);
  }
}
