import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BillingPartnerRecord } from './billing-partner-record';

/** Reads and writes `billing_partners`. */
@Injectable()
export class BillingPartners {
  async find(
    manager: EntityManager,
    partnerId: string,
    lock = false,
  ): Promise<BillingPartnerRecord | null> {
    const rows = await manager.query<{ record: BillingPartnerRecord }[]>(
      `SELECT record FROM billing_partners WHERE partner_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [partnerId],
    );
    return rows[0]?.record ?? null;
  }

  async save(manager: EntityManager, record: BillingPartnerRecord): Promise<void> {
    await manager.query(
      `INSERT INTO billing_partners (partner_id, record, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (partner_id) DO UPDATE SET record = EXCLUDED.record, updated_at = now()`,
      [record.partnerId, JSON.stringify(record)],
    );
  }
}
