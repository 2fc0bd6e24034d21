import { Injectable } from '@nestjs/common';
import type { LeadPersonalDataErasedV1, LeadRecordedV1 } from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';

type LeadViewEvent = LeadRecordedV1 | LeadPersonalDataErasedV1;

/** A lead as delivery keeps it: `LeadRecorded`'s data, the contact still sealed. */
export type DeliveryLeadRecord = LeadRecordedV1['data'];

/**
 * Delivery's view of leads (`delivery_leads`) from `leadrail.leads.v1`: what
 * a delivery sends, the contact kept sealed exactly as published (opened only
 * while a request is built, with the key the leads service gives). On
 * erasure the envelope is dropped too, though without its key it is
 * unreadable already, and the attempt log's requests and responses of the
 * lead are blanked.
 */
@Injectable()
export class DeliveryLeadsHandler implements IntegrationEventHandler<LeadViewEvent> {
  readonly name = 'delivery.leads';
  readonly eventTypes = ['LeadRecorded', 'LeadPersonalDataErased'];

  async handle(event: LeadViewEvent, manager: EntityManager): Promise<void> {
    if (event.type === 'LeadRecorded') {
      await manager.query(
        `INSERT INTO delivery_leads (lead_id, record) VALUES ($1, $2::jsonb)
         ON CONFLICT (lead_id) DO NOTHING`,
        [event.data.leadId, JSON.stringify(event.data)],
      );
      return;
    }
    await manager.query(
      `UPDATE delivery_leads SET record = record - 'personal', erased_at = $2 WHERE lead_id = $1`,
      [event.data.leadId, event.data.erasedAt],
    );
    // The attempt log's requests (and partners' answers, which may echo them) held the contact
    // in clear: what was sent stays known (when, where, the outcome), not to whom.
    await manager.query(
      `UPDATE delivery_attempts
          SET request = jsonb_build_object('erasedAt', $2::text),
              response = CASE WHEN response IS NULL THEN NULL
                              ELSE jsonb_build_object('erasedAt', $2::text) END
        WHERE lead_id = $1`,
      [event.data.leadId, event.data.erasedAt],
    );
  }
}
