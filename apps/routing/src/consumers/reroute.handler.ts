import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@leadrail/event-store';
import type {
  LeadDeliveryFailedV1,
  ReferralDeclinedV1,
  ReferralExpiredV1,
} from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import { EVENT_STORE } from '@leadrail/nest-kit';
import type { ReleaseReason } from '@leadrail/routing-domain';
import { LeadRouter } from '../lead-routing/lead-router';
import { leadRoutingAggregate, leadRoutingStream } from '../lead-routing/lead-routing-aggregate';

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
 *
 * Only a partner holding the lead can let it go: a cause for any other (one
 * that held it and was released before, one routing never gave it to, e.g.
 * an operator's manual referral) changes nothing: no release, no decision.
 */
@Injectable()
export class RerouteLead implements IntegrationEventHandler<RerouteCause> {
  readonly name = 'routing.reroute-lead';
  readonly eventTypes = Object.keys(REASONS);

  constructor(
    @Inject(LeadRouter) private readonly router: LeadRouter,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async handle(event: RerouteCause): Promise<void> {
    if (!(await this.letsGo(event))) {
      return;
    }
    await this.router.release(event.data.leadId, event.data.partnerId, REASONS[event.type], {
      eventId: event.eventId,
      correlationId: event.correlationId,
    });
  }

  /**
   * Whether the cause is the partner letting go of a lead routing gave it:
   * the lead's routing stream has the partner holding it, or this cause was
   * handled before (a redelivery, which the router finishes where it stopped).
   */
  private async letsGo(event: RerouteCause): Promise<boolean> {
    const recorded = await this.store.readStream(leadRoutingStream(event.data.leadId));
    if (recorded.some(({ metadata }) => metadata.causationId === event.eventId)) {
      return true;
    }
    let state = leadRoutingAggregate.initialState();
    for (const { type, data } of recorded) {
      const routingEvent = { type, data };
      if (leadRoutingAggregate.isEvent(routingEvent)) {
        state = leadRoutingAggregate.evolve(state, routingEvent);
      }
    }
    return state.holding.includes(event.data.partnerId);
  }
}
