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
import { ReferralEmailAttempts } from './referral-email-attempts';
import { ReferralEmails } from './referral-emails';

/** Emails one instance sends at the same time: referrals are few, and each is one SMTP exchange. */
const WORKERS = 2;
/** Emails a worker sends per round before it looks at the clock again. */
const PER_ROUND = 25;

/**
 * Sends the referral emails due: every DELIVERY_POLL_MS, a couple of workers
 * claim due emails one by one (`SKIP LOCKED`) until none is due. The emails
 * are rows, so one due while the service was down goes out once it is back.
 * A failed round (the database away) is logged and the next one tries again.
 */
@Injectable()
export class ReferralEmailsPoller
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(ReferralEmailsPoller.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    @Inject(ReferralEmails) private readonly emails: ReferralEmails,
    @Inject(ReferralEmailAttempts) private readonly attempts: ReferralEmailAttempts,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduleNext();
  }

  /** Before the database closes: no new round, and the emails in flight finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running;
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** One round: every email due now, by all workers; returns how many were handled. */
  async tick(): Promise<number> {
    const counts = await Promise.all(Array.from({ length: WORKERS }, () => this.work()));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  private async work(): Promise<number> {
    let handled = 0;
    try {
      for (;;) {
        const claimed = await this.emails.claimDue(this.clock.now(), PER_ROUND, (due, manager) =>
          this.attempts.run(due, manager),
        );
        handled += claimed;
        if (claimed < PER_ROUND || this.stopped) {
          return handled;
        }
      }
    } catch (error) {
      this.logger.warn(
        `referral email round failed, trying again in ${this.settings.pollMs} ms: ${describeError(error)}`,
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
