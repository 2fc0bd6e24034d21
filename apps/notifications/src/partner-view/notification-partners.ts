import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DirectoryPartner, PartnerDirectory } from '../ports/partner-directory';
import type { NotificationPartnerRecord } from './notification-partner-record';

/** `notification_partners`, and the directory the Twilio side looks partners up in. */
@Injectable()
export class NotificationPartners implements PartnerDirectory {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async find(
    manager: EntityManager,
    partnerId: string,
    lock = false,
  ): Promise<NotificationPartnerRecord | null> {
    const rows = await manager.query<{ record: NotificationPartnerRecord }[]>(
      `SELECT record FROM notification_partners WHERE partner_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [partnerId],
    );
    return rows[0]?.record ?? null;
  }

  async save(manager: EntityManager, record: NotificationPartnerRecord): Promise<void> {
    await manager.query(
      `INSERT INTO notification_partners (partner_id, record, phone, updated_at)
       VALUES ($1, $2::jsonb, $3, now())
       ON CONFLICT (partner_id) DO UPDATE
         SET record = EXCLUDED.record, phone = EXCLUDED.phone, updated_at = now()`,
      [record.partnerId, JSON.stringify(record), record.phone],
    );
  }

  async byPhone(e164: string): Promise<DirectoryPartner | null> {
    const rows = await this.dataSource.query<{ record: NotificationPartnerRecord }[]>(
      'SELECT record FROM notification_partners WHERE phone = $1 ORDER BY updated_at DESC LIMIT 1',
      [e164],
    );
    return rows[0] === undefined ? null : toDirectory(rows[0].record);
  }

  async byId(partnerId: string): Promise<DirectoryPartner | null> {
    const record = await this.find(this.dataSource.manager, partnerId.toLowerCase());
    return record === null ? null : toDirectory(record);
  }
}

function toDirectory(record: NotificationPartnerRecord): DirectoryPartner {
  const { partnerId, name, phone, transferPhone, email } = record;
  return { partnerId, name, phone, transferPhone, email };
}
