import { Injectable } from '@nestjs/common';
import type { LeadReceivedV1 } from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';

/**
 * Records each LeadReceived from internal publishers: the lead (first
 * submission wins; a repeat under the same lead id is a duplicate) and the
 * introducer's daily submission count. The lead aggregate, its validation
 * rules and lifecycle are built on this intake by the leads issue.
 */
@Injectable()
export class RecordReceivedLead implements IntegrationEventHandler<LeadReceivedV1> {
  readonly name = 'leads.record-received-lead';
  readonly eventTypes = ['LeadReceived'];

  async handle(event: LeadReceivedV1, manager: EntityManager): Promise<void> {
    const { data } = event;
    await manager.query(
      `INSERT INTO received_leads (lead_id, introducer_id, lead_type, external_reference, received_at, event_id, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (lead_id) DO NOTHING`,
      [
        data.leadId,
        data.introducerId,
        data.leadType,
        data.externalReference ?? null,
        data.receivedAt,
        event.eventId,
        event.source,
      ],
    );
    // Counts submissions, duplicates included: only the inbox keeps a redelivery from counting twice.
    await manager.query(
      `INSERT INTO introducer_daily_intake AS d (introducer_id, day, leads)
       VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC')::date, 1)
       ON CONFLICT (introducer_id, day) DO UPDATE SET leads = d.leads + 1`,
      [data.introducerId, data.receivedAt],
    );
  }
}
