import { Inject, Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@leadrail/nest-kit';
import { Counter } from 'prom-client';

/** What the timer did with a due referral (a bounded set: the metric's label). */
export type ReferralExpiryOutcome = 'expired' | 'already-answered' | 'failed';

/**
 * `leadrail_referral_expiries_total{outcome}`: `expired` is routing moving
 * on; a rise in `failed` is a lead the timer cannot expire (logged with why).
 */
@Injectable()
export class ReferralExpiryMetrics {
  private readonly expiries: Counter<'outcome'>;

  constructor(@Inject(ServiceMetrics) metrics: ServiceMetrics) {
    this.expiries = new Counter({
      name: 'leadrail_referral_expiries_total',
      help: 'Referrals the expiry timer handled at their deadline, by outcome',
      labelNames: ['outcome'] as const,
      registers: [metrics.registry],
    });
  }

  counted(outcome: ReferralExpiryOutcome): void {
    this.expiries.inc({ outcome });
  }
}
