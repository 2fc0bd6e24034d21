import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BillingActor } from '@leadrail/billing-domain';
import type { ReturnAcceptedV1 } from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import { lockPartner } from '../partner-view/partner-lock';
import { markReturned } from '../sales/billing-sales';
import { Reversals } from './reversals';

/**
 * An accepted return gives back both sides: the partner's charge for the
 * lead and what its introducer was owed for it (a returned lead was not
 * worth buying). A partner billed at a point the lead never reached was
 * never charged: nothing to give back on its side.
 */
@Injectable()
export class ReverseOnReturn implements IntegrationEventHandler<ReturnAcceptedV1> {
  readonly name = 'billing.reverse-on-return';
  readonly eventTypes = ['ReturnAccepted'];
  private readonly logger = new Logger(ReverseOnReturn.name);

  constructor(@Inject(Reversals) private readonly reversals: Reversals) {}

  async handle(event: ReturnAcceptedV1, manager: EntityManager): Promise<void> {
    const { leadId, partnerId, acceptedBy } = event.data;
    // Introducers do not act on accounts: an introducer accepting a return is recorded as the system.
    const actor: BillingActor =
      acceptedBy.type === 'introducer'
        ? { type: 'system', id: `introducer:${acceptedBy.id}` }
        : { type: acceptedBy.type, id: acceptedBy.id };
    // Kept first: a charge or payable that arrives after the return is then never made.
    await lockPartner(manager, partnerId);
    await markReturned(manager, leadId, partnerId);
    const outcome = await this.reversals.reverse(
      manager,
      { leadId, partnerId, side: 'both', reason: 'return accepted', actor },
      { eventId: event.eventId, correlationId: event.correlationId, actor },
    );
    this.logger.log(
      `return of lead ${leadId} by ${partnerId}: partner ${outcome.partner}, introducer ${outcome.introducer}`,
    );
  }
}
