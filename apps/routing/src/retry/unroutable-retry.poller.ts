import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { derivedEventId } from '@leadrail/event-store';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { describeError } from '@leadrail/projections';
import { ROUTING_RETRY_SETTINGS, type RoutingRetrySettings } from './routing-retry.env';
import { type RetryHandled, type UnroutableLead, UnroutableLeads } from './unroutable-leads';
import { UnroutableRetry } from './unroutable-retry';

/** Leads looked at per transaction: a round holds their rows while it retries them. */
const BATCH = 50;

/**
 * Retries unroutable leads: every ROUTING_RETRY_POLL_MS, each lead due a look
 * (at once after it became unroutable, then every ROUTING_RETRY_INTERVAL_MS,
 * sooner when a partner's settings or funds change) is decided again from
 * fresh state. Only a decision that finds a partner is recorded, so a lead
 * nobody can take does not fill its routing stream with the same answer.
 * A lead older than ROUTING_RETRY_MAX_AGE_MINUTES is abandoned
 * (`LeadRoutingAbandoned`, its final outcome). Several instances may poll at
 * once: each claims different rows (`SKIP LOCKED`), and every id a retry
 * appends derives from the decision it retries, so a retry done twice
 * records once.
 */
@Injectable()
export class UnroutableRetryPoller
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(UnroutableRetryPoller.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    @Inject(UnroutableLeads) private readonly leads: UnroutableLeads,
    @Inject(UnroutableRetry) private readonly retries: UnroutableRetry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROUTING_RETRY_SETTINGS) private readonly settings: RoutingRetrySettings,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduleNext();
  }

  /** Before the database closes: no new round, and the one in flight finishes its transaction. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running;
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** One round over every lead due now; returns how many were looked at. Never throws. */
  async tick(): Promise<number> {
    let handled = 0;
    try {
      for (;;) {
        const claimed = await this.leads.claimDue(this.clock.now(), BATCH, (lead) =>
          this.retry(lead),
        );
        handled += claimed;
        if (claimed < BATCH || this.stopped) {
          return handled;
        }
      }
    } catch (error) {
      this.logger.warn(
        `unroutable retry round failed, trying again in ${this.settings.pollMs} ms: ${describeError(error)}`,
      );
      return handled;
    }
  }

  private async retry(lead: UnroutableLead): Promise<RetryHandled> {
    const cause = {
      eventId: derivedEventId(`${lead.lastDecisionId}/retry`, lead.checks),
      correlationId: lead.correlationId,
    };
    const later = { checkAfter: new Date(this.clock.now().getTime() + this.settings.intervalMs) };
    try {
      const outcome = await this.retries.retry(lead.leadId, cause, this.settings.maxAgeMinutes);
      if (outcome === 'abandoned') {
        this.logger.log(
          `lead ${lead.leadId} abandoned: unroutable since ${lead.unroutableSince.toISOString()}, older than ${this.settings.maxAgeMinutes} min`,
        );
      }
      return outcome === 'unroutable' ? later : 'settled';
    } catch (error) {
      // This lead's trouble alone (a ledger that kept refusing): the rest of the batch goes on.
      this.logger.warn(`retry of lead ${lead.leadId} failed: ${describeError(error)}`);
      return later;
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
