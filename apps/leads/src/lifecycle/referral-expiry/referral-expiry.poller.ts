import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { LeadError } from '@leadrail/leads-domain';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { describeError } from '@leadrail/projections';
import { LeadCommands } from '../../lead/lead-commands';
import { PersonalDataErasedError } from '../../personal-data/sealing-event-store';
import {
  type DeadlineHandled,
  type ReferralDeadline,
  ReferralDeadlines,
} from './referral-deadlines';
import { ReferralExpiryMetrics } from './referral-expiry-metrics';
import { REFERRAL_EXPIRY_SETTINGS, type ReferralExpirySettings } from './referral-expiry.env';

/** The actor of every expiry: the timer, not a person. */
const TIMER = { type: 'system', id: 'leads.referral-expiry' } as const;
/** Due referrals per transaction: a tick holds their rows while it expires them. */
const BATCH = 50;
const MINUTE_MS = 60_000;
const MAX_RETRY_MS = 60 * MINUTE_MS;

/**
 * The referral timer: every REFERRAL_EXPIRY_POLL_MS, expires the referrals
 * whose time is up, so routing can move on. Several instances may poll at
 * once: each claims different rows (`SKIP LOCKED`), and ExpireReferral is
 * idempotent anyway (a lead answered or expired meanwhile decides nothing).
 * A failed tick (the database away) is logged and tried again next tick; a
 * lead that refuses to expire is retried later with back-off, never in a loop.
 */
@Injectable()
export class ReferralExpiryPoller
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(ReferralExpiryPoller.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    @Inject(ReferralDeadlines) private readonly deadlines: ReferralDeadlines,
    @Inject(LeadCommands) private readonly leads: LeadCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ReferralExpiryMetrics) private readonly metrics: ReferralExpiryMetrics,
    @Inject(REFERRAL_EXPIRY_SETTINGS) private readonly settings: ReferralExpirySettings,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduleNext();
  }

  /** Before the database closes: no new tick, and the one in flight finishes its transaction. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running;
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /**
   * One round: expires every referral due now (in batches), and returns how
   * many were handled. Never throws: a failure is logged and the next tick tries again.
   */
  async tick(): Promise<number> {
    let handled = 0;
    try {
      for (;;) {
        const claimed = await this.deadlines.claimDue(this.clock.now(), BATCH, (deadline) =>
          this.expire(deadline),
        );
        handled += claimed;
        if (claimed < BATCH || this.stopped) {
          return handled;
        }
      }
    } catch (error) {
      this.logger.warn(
        `referral expiry tick failed, trying again in ${this.settings.pollMs} ms: ${describeError(error)}`,
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

  private async expire(deadline: ReferralDeadline): Promise<DeadlineHandled> {
    try {
      const outcome = await this.leads.issue(
        'ExpireReferral',
        deadline.leadId,
        { partnerId: deadline.partnerId },
        // The timer's own clock: at or after the deadline, since the row was due by it.
        { actor: TIMER, occurredAt: this.clock.now().toISOString() },
      );
      this.metrics.counted(outcome.events.length > 0 ? 'expired' : 'already-answered');
      return 'settled';
    } catch (error) {
      // A refusal is this lead's alone: the rest of the batch goes on. Anything else
      // (the log or database away) ends the tick, and its transaction, to retry whole.
      if (!(error instanceof LeadError || error instanceof PersonalDataErasedError)) {
        throw error;
      }
      this.metrics.counted('failed');
      const delayMs = Math.min(MINUTE_MS * 2 ** deadline.attempts, MAX_RETRY_MS);
      this.logger.error(
        `referral of lead ${deadline.leadId} to partner ${deadline.partnerId} could not expire (${describeError(error)}); retrying in ${delayMs / 1000} s`,
      );
      return { retryAt: new Date(this.clock.now().getTime() + delayMs) };
    }
  }
}
