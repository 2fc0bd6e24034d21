import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { describeError } from '@leadrail/projections';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../config/notifications.env';
import { SmsSends } from './sms-sends';

const PER_ROUND = 20;

/**
 * Every NOTIFICATIONS_POLL_MS, sends the texts due. The schedule is a
 * table, so a text due while the service was down is sent once after it
 * starts again; a failed round is logged and the next one tries again.
 */
@Injectable()
export class SmsSendsPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SmsSendsPoller.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    @Inject(SmsSends) private readonly sends: SmsSends,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.next();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private next(): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.running = this.round().finally(() => {
        this.running = undefined;
        this.next();
      });
    }, this.settings.pollMs);
  }

  private async round(): Promise<void> {
    try {
      while (!this.stopped && (await this.sends.sendDue(PER_ROUND)) === PER_ROUND) {
        // A full round: more may be due.
      }
    } catch (error) {
      this.logger.warn(`text round failed, trying again: ${describeError(error)}`);
    }
  }
}
