import { Injectable } from '@nestjs/common';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import {
  DELIVERY_PARTNER_EVENT_TYPES,
  type DeliveryPartnerEvent,
  type DeliveryPartnerRecord,
  applyDeliveryPartnerEvent,
} from './delivery-partner-record';

/**
 * Delivery's view of partners (`delivery_partners`) from `leadrail.partners.v1`:
 * name, time zone, contact email and delivery channels. Applied once per
 * event through the inbox, in the partner's order; the row is locked while
 * it is folded.
 */
@Injectable()
export class DeliveryPartnersHandler implements IntegrationEventHandler<DeliveryPartnerEvent> {
  readonly name = 'delivery.partners';
  readonly eventTypes = DELIVERY_PARTNER_EVENT_TYPES;

  async handle(event: DeliveryPartnerEvent, manager: EntityManager): Promise<void> {
    const partnerId = event.data.partnerId;
    const rows = await manager.query<{ record: DeliveryPartnerRecord }[]>(
      'SELECT record FROM delivery_partners WHERE partner_id = $1 FOR UPDATE',
      [partnerId],
    );
    const next = applyDeliveryPartnerEvent(rows[0]?.record ?? null, event);
    if (next === null) {
      return;
    }
    await manager.query(
      `INSERT INTO delivery_partners (partner_id, record, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (partner_id) DO UPDATE SET record = EXCLUDED.record, updated_at = now()`,
      [partnerId, JSON.stringify(next)],
    );
  }
}
