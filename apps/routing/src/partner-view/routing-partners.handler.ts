import { Injectable } from '@nestjs/common';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import {
  ROUTING_PARTNER_EVENT_TYPES,
  type RoutingPartnerEvent,
  type RoutingPartnerRecord,
  applyPartnerEvent,
} from './routing-partner-record';

/**
 * Routing's view of partners (`routing_partners`), from `leadrail.partners.v1`:
 * every setting a routing decision reads. Applied once per event through the
 * inbox, in the partner's order (the topic is keyed by partner id); the row is
 * locked while it is folded, so two consumers of one partition during a
 * rebalance cannot interleave.
 */
@Injectable()
export class RoutingPartnersHandler implements IntegrationEventHandler<RoutingPartnerEvent> {
  readonly name = 'routing.partners';
  readonly eventTypes = ROUTING_PARTNER_EVENT_TYPES;

  async handle(event: RoutingPartnerEvent, manager: EntityManager): Promise<void> {
    const partnerId = event.data.partnerId;
    const rows = await manager.query<{ record: RoutingPartnerRecord }[]>(
      'SELECT record FROM routing_partners WHERE partner_id = $1 FOR UPDATE',
      [partnerId],
    );
    const next = applyPartnerEvent(rows[0]?.record ?? null, event);
    if (next === null) {
      return;
    }
    await manager.query(
      `INSERT INTO routing_partners (partner_id, record, lead_types, updated_at)
       VALUES ($1, $2::jsonb, $3::text[], now())
       ON CONFLICT (partner_id) DO UPDATE
         SET record = EXCLUDED.record, lead_types = EXCLUDED.lead_types, updated_at = now()`,
      [partnerId, JSON.stringify(next), next.leadTypes.map((bought) => bought.leadType)],
    );
  }
}
