import { Inject, Injectable } from '@nestjs/common';
import type {
  LeadDeliveryFailedV1,
  ReferralDeclinedV1,
  ReferralExpiredV1,
} from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { ReleaseReason } from '@leadrail/routing-domain';
import { LeadRouter } from '../lead-routing/lead-router';

type RerouteCause = ReferralDeclinedV1 | ReferralExpiredV1 | LeadDeliveryFailedV1;

const REASONS: Record<RerouteCause['type'], ReleaseReason> = {
  ReferralDeclined: 'referral-declined',
  ReferralExpired: 'referral-expired',
  LeadDeliveryFailed: 'delivery-failed',
};

/**
 * A declined or expired referral, or a delivery that failed for good, gives
 * the partner's allocation back (its count and reservation, on its ledger)
 * and routes the lead to the next eligible partner not tried yet.
 */
@Injectable()
export class RerouteLead implements IntegrationEventHandler<RerouteCause> {
  readonly name = 'routing.reroute-lead';
  readonly eventTypes = Object.keys(REASONS);

  constructor(@Inject(LeadRouter) private readonly router: LeadRouter) {}

  async handle(event: RerouteCause): Promise<void> {
    await this.router.release(event.data.leadId, event.data.partnerId, REASONS[event.type], {
      eventId: event.eventId,
      correlationId: event.correlationId,
    });
  }
}
