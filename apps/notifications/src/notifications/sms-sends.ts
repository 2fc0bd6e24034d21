import { Inject, Injectable, Logger } from '@nestjs/common';
import { backoffDelay } from '@leadrail/event-store';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { describeError } from '@leadrail/projections';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../config/notifications.env';
import { SMS_SENDER, SmsSendError, type SmsSender } from '../ports/sms-sender';
import { NotificationSettingsStore } from '../settings/notification-settings-store';
import { Notifications } from './notifications';

/**
 * How long a claimed send is left to one worker before another may take it
 * over: far longer than a send and a lookup can take (Twilio calls time out
 * in seconds), and a worker claims one send at a time, right before it.
 */
const LEASE_MS = 5 * 60_000;

interface ClaimedSend {
  notification_id: string;
  /** The lease: every later write of this worker is conditional on it, so one taken over writes nothing. */
  due_at: Date;
  correlation_id: string;
  started_at: Date;
  /** Set when an earlier attempt may have reached the provider: look before sending again. */
  previous_start: Date | null;
}

/**
 * Sends the texts due. A send is claimed with a lease (its due time moved a
 * minute on, committed before the provider is called), so one worker of one
 * instance sends it; `started_at` stays set until the outcome is recorded.
 * A send claimed again with `started_at` set (the process stopped, or the
 * provider's answer was lost) first asks the provider whether the message
 * exists: a stop between sending and recording is resolved by looking it up,
 * never by sending again. Provider errors are retried with back-off, then
 * recorded as failed; refusals (a bad number) are failed at once.
 */
@Injectable()
export class SmsSends {
  private readonly logger = new Logger(SmsSends.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Notifications) private readonly notifications: Notifications,
    @Inject(NotificationSettingsStore) private readonly settings: NotificationSettingsStore,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly config: NotificationsSettings,
  ) {}

  /** Sends what is due now, up to `limit`; returns how many were claimed. */
  async sendDue(limit: number): Promise<number> {
    let handled = 0;
    for (; handled < limit; handled++) {
      const [send] = await this.claim(1);
      if (send === undefined) {
        break;
      }
      await this.send(send).catch((error: unknown) => {
        // The lease runs out and the send is taken up again, looked up first.
        this.logger.warn(`text ${send.notification_id} not settled: ${describeError(error)}`);
      });
    }
    return handled;
  }

  private async claim(limit: number): Promise<ClaimedSend[]> {
    const now = this.clock.now();
    // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver.
    const [rows] = await this.dataSource.query<[ClaimedSend[], number]>(
      `WITH due AS (
         SELECT notification_id, started_at AS previous_start FROM notification_schedule
          WHERE channel = 'sms' AND due_at <= $1
          ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE notification_schedule s
          SET due_at = $3, started_at = COALESCE(s.started_at, $1)
         FROM due WHERE s.notification_id = due.notification_id
       RETURNING s.notification_id, s.due_at, s.correlation_id, s.started_at, due.previous_start`,
      [now, limit, new Date(now.getTime() + LEASE_MS)],
    );
    return rows;
  }

  private async send(claimed: ClaimedSend): Promise<void> {
    const id = claimed.notification_id;
    const { state } = await this.notifications.load(id);
    if (state.status !== 'pending' || state.to === null || state.body === null) {
      await this.done(claimed);
      return;
    }
    const attempt = state.attempts + 1;
    const sms = {
      notificationId: id,
      to: state.to,
      body: state.body,
      firstAttemptAt: claimed.started_at,
    };
    let sent: { providerId: string };
    try {
      const found = claimed.previous_start === null ? null : await this.sms.findSent(sms);
      sent = found ?? (await this.sms.send(sms));
    } catch (error) {
      await this.failed(claimed, attempt, error);
      return;
    }
    // Recorded apart from the send: a failure here is not the provider's, and the send is not
    // made again (the lease runs out and the message is looked up).
    const cost = (await this.settings.load()).state.smsRate;
    const after = await this.notifications.recordSent(
      id,
      attempt,
      { providerId: sent.providerId, cost: { ...cost } },
      claimed.correlation_id,
    );
    if (after.status !== 'pending') {
      await this.done(claimed);
    }
  }

  private async failed(claimed: ClaimedSend, attempt: number, error: unknown): Promise<void> {
    const id = claimed.notification_id;
    const retryable = !(error instanceof SmsSendError) || error.retryable;
    const retryAt =
      retryable && attempt < this.config.maxAttempts
        ? new Date(
            this.clock.now().getTime() +
              Math.max(
                this.config.retryBaseMs / 2,
                backoffDelay(attempt, {
                  initialDelayMs: this.config.retryBaseMs,
                  maxDelayMs: 3_600_000,
                }),
              ),
          )
        : null;
    const after = await this.notifications.recordAttemptFailed(
      id,
      attempt,
      { reason: textPrefix(describeError(error), 500), retryAt: retryAt?.toISOString() ?? null },
      claimed.correlation_id,
    );
    if (after.status !== 'pending') {
      await this.done(claimed);
    } else if (retryAt !== null) {
      // A refusal is known not to have sent anything: no lookup next time. Anything else may have.
      await this.dataSource.query(
        `UPDATE notification_schedule SET due_at = $3,
                started_at = CASE WHEN $4::boolean THEN NULL ELSE started_at END
          WHERE notification_id = $1 AND due_at = $2`,
        [id, claimed.due_at, retryAt, error instanceof SmsSendError && error.providerCode !== null],
      );
    }
  }

  /** The send is settled: its row goes, unless another worker has taken it over since. */
  private async done(claimed: ClaimedSend): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM notification_schedule WHERE notification_id = $1 AND due_at = $2',
      [claimed.notification_id, claimed.due_at],
    );
  }
}

/** At most `max` characters of a text, never half of a character outside the BMP. */
export function textPrefix(text: string, max: number): string {
  return Array.from(text).slice(0, max).join('');
}
