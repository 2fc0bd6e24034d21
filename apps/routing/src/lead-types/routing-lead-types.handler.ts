import { Injectable } from '@nestjs/common';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import {
  ROUTING_LEAD_TYPE_EVENT_TYPES,
  type RoutingLeadTypeEvent,
  type RoutingLeadTypeRecord,
  applyLeadTypeEvent,
} from './lead-type-record';

/**
 * Routing's view of lead types (`routing_lead_types`), from the lead-type
 * catalogue the leads service publishes on `leadrail.leads.v1`: the routing
 * method each type is routed by. Applied once per event through the inbox, in
 * the type's order (keyed `lead-type:<slug>`); the row is locked while folded.
 */
@Injectable()
export class RoutingLeadTypesHandler implements IntegrationEventHandler<RoutingLeadTypeEvent> {
  readonly name = 'routing.lead-types';
  readonly eventTypes = ROUTING_LEAD_TYPE_EVENT_TYPES;

  async handle(event: RoutingLeadTypeEvent, manager: EntityManager): Promise<void> {
    const rows = await manager.query<
      { lead_type: string; routing_method: string; active: boolean; last_event_id: string }[]
    >(
      `SELECT lead_type, routing_method, active, last_event_id
         FROM routing_lead_types WHERE lead_type = $1 FOR UPDATE`,
      [event.data.slug],
    );
    const row = rows[0];
    const current: RoutingLeadTypeRecord | null =
      row === undefined
        ? null
        : {
            leadType: row.lead_type,
            routingMethod: row.routing_method as RoutingLeadTypeRecord['routingMethod'],
            active: row.active,
            lastEventId: row.last_event_id,
          };
    const next = applyLeadTypeEvent(current, event);
    await manager.query(
      `INSERT INTO routing_lead_types (lead_type, routing_method, active, last_event_id, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (lead_type) DO UPDATE
         SET routing_method = EXCLUDED.routing_method, active = EXCLUDED.active,
             last_event_id = EXCLUDED.last_event_id, updated_at = now()`,
      [next.leadType, next.routingMethod, next.active, next.lastEventId],
    );
  }
}
