import { Inject, Injectable } from '@nestjs/common';
import { type DeliveryChannel, deliveryIdOf } from '@leadrail/delivery-domain';
import type { LeadAllocatedV1, ReferralAcceptedV1 } from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import type { DeliveryPartnerRecord } from '../partner-view/delivery-partner-record';
import { Deliveries } from './deliveries';

type DeliveryTrigger = LeadAllocatedV1 | ReferralAcceptedV1;

/** A partner's channels, the deciding one first: internet when it has it, email alongside. */
export function channelsOf(partner: DeliveryPartnerRecord): DeliveryChannel[] {
  const channels: DeliveryChannel[] = [];
  if (partner.delivery.internet !== null) {
    channels.push('internet');
  }
  if (partner.delivery.email) {
    channels.push('email');
  }
  return channels;
}

/**
 * A lead allocated to a partner, or a referral the partner accepted, starts
 * its delivery by every channel the partner has: the delivery is recorded
 * (`DeliveryRequested`, its id derived from the trigger so a redelivered
 * trigger records nothing) and its first attempts are scheduled at once, in
 * the same inbox transaction, so none is lost if the process stops.
 */
@Injectable()
export class StartDelivery implements IntegrationEventHandler<DeliveryTrigger> {
  readonly name = 'delivery.start';
  readonly eventTypes = ['LeadAllocated', 'ReferralAccepted'];

  constructor(@Inject(Deliveries) private readonly deliveries: Deliveries) {}

  async handle(event: DeliveryTrigger, manager: EntityManager): Promise<void> {
    const { leadId, partnerId } = event.data;
    const rows = await manager.query<{ record: DeliveryPartnerRecord }[]>(
      'SELECT record FROM delivery_partners WHERE partner_id = $1',
      [partnerId],
    );
    const partner = rows[0]?.record;
    if (partner === undefined) {
      throw new Error(`partner ${partnerId} is unknown to delivery: its events have not arrived`);
    }
    const channels = channelsOf(partner);
    if (channels.length === 0) {
      throw new Error(`partner ${partnerId} has no delivery channel configured`);
    }
    const deliveryId = deliveryIdOf(leadId, partnerId);
    await this.deliveries.request(
      { deliveryId, leadId, partnerId, channels, redelivery: false },
      { eventId: event.eventId, correlationId: event.correlationId },
      manager,
    );
  }
}
