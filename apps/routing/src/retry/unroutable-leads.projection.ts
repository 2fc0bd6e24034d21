import type { RecordedEvent } from '@leadrail/event-store';
import type { Projection } from '@leadrail/projections';
import type { EntityManager } from 'typeorm';
import { LEAD_ROUTING_CATEGORY } from '../lead-routing/lead-routing-aggregate';

interface UnroutableData {
  leadId: string;
  decision: { leadType: string; decidedAt: string };
}

/**
 * `routing_unroutable_leads` from routing's own log: a lead enters when a
 * decision finds nobody and leaves when it is routed or abandoned. Kept from
 * the log, not by the router, so a process that stops between recording a
 * decision and noting it loses no lead, and a rebuild gives the same rows.
 */
export class UnroutableLeadsProjection implements Projection {
  readonly name = 'routing-unroutable-leads';
  readonly filter = {
    streamNamePrefixes: [`${LEAD_ROUTING_CATEGORY}-`],
    eventTypes: ['LeadUnroutable', 'LeadRouted', 'LeadRoutingAbandoned'],
  };

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    const { leadId } = event.data as { leadId: string };
    if (event.type !== 'LeadUnroutable') {
      await manager.query('DELETE FROM routing_unroutable_leads WHERE lead_id = $1', [leadId]);
      return;
    }
    const { decision } = event.data as UnroutableData;
    // Due at once: the first retry waits for the poller's next round, not a whole interval,
    // since what made the lead unroutable may already have changed while the log was read.
    await manager.query(
      `INSERT INTO routing_unroutable_leads
         (lead_id, lead_type, unroutable_since, last_decision_id, correlation_id, check_after)
       VALUES ($1, $2, $3, $4, $5, $3)
       ON CONFLICT (lead_id) DO UPDATE
         SET last_decision_id = EXCLUDED.last_decision_id, lead_type = EXCLUDED.lead_type,
             correlation_id = EXCLUDED.correlation_id`,
      [leadId, decision.leadType, decision.decidedAt, event.id, event.metadata.correlationId],
    );
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE routing_unroutable_leads');
  }
}
