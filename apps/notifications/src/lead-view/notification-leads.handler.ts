import { Injectable } from '@nestjs/common';
import type { LeadRecordedV1 } from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';

/** What a referral text says about a lead: its type and coarse area (never its contact). */
@Injectable()
export class NotificationLeadsHandler implements IntegrationEventHandler<LeadRecordedV1> {
  readonly name = 'notifications.leads';
  readonly eventTypes = ['LeadRecorded'];

  async handle(event: LeadRecordedV1, manager: EntityManager): Promise<void> {
    const { leadId, leadType, area } = event.data;
    const place = [area.postcodeDistrict, area.city].find((part) => part !== null) ?? null;
    await manager.query(
      `INSERT INTO notification_leads (lead_id, lead_type, area) VALUES ($1, $2, $3)
       ON CONFLICT (lead_id) DO NOTHING`,
      [leadId, leadType, place],
    );
  }
}
