import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DATA_KEY_BYTES } from './seal-contact';

/** A lead's key: present, erased (the personal data is gone for good), or never made. */
export type LeadKeyLookup =
  { state: 'present'; key: Buffer } | { state: 'erased'; erasedAt: string } | { state: 'absent' };

/**
 * The table `lead_personal_data_keys`: one AES-256 key per lead, outside the
 * event log. Erasing a lead's personal data deletes its key and keeps a row
 * saying when and by whom, so the trail remains and a late retry of the same
 * lead cannot mint a new key for it.
 */
@Injectable()
export class PersonalDataKeys {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The lead's key, made on first use; concurrent first uses get the same key. */
  async keyFor(leadId: string): Promise<LeadKeyLookup> {
    const rows = await this.dataSource.query<{ key: Buffer | null; erased_at: Date | null }[]>(
      `WITH made AS (
         INSERT INTO lead_personal_data_keys (lead_id, key) VALUES ($1, $2)
         ON CONFLICT (lead_id) DO NOTHING
         RETURNING key, erased_at)
       SELECT key, erased_at FROM made
       UNION ALL
       SELECT key, erased_at FROM lead_personal_data_keys WHERE lead_id = $1
       LIMIT 1`,
      [leadId, randomBytes(DATA_KEY_BYTES)],
    );
    // A racing first use that committed after this statement began is invisible to it: read again.
    return rows[0] === undefined ? this.lookup(leadId) : toLookup(rows[0]);
  }

  /** The lead's key if it has one; never makes one. */
  async lookup(leadId: string): Promise<LeadKeyLookup> {
    const rows = await this.dataSource.query<{ key: Buffer | null; erased_at: Date | null }[]>(
      'SELECT key, erased_at FROM lead_personal_data_keys WHERE lead_id = $1',
      [leadId],
    );
    return toLookup(rows[0]);
  }

  /** The keys of many leads at once (read models opening a page of events). */
  async lookupMany(leadIds: readonly string[]): Promise<Map<string, LeadKeyLookup>> {
    const rows = await this.dataSource.query<
      { lead_id: string; key: Buffer | null; erased_at: Date | null }[]
    >(
      'SELECT lead_id, key, erased_at FROM lead_personal_data_keys WHERE lead_id = ANY($1::uuid[])',
      [leadIds],
    );
    const found = new Map(rows.map((row) => [row.lead_id, toLookup(row)]));
    return new Map(leadIds.map((id) => [id, found.get(id) ?? { state: 'absent' as const }]));
  }

  /**
   * Deletes the lead's key for good. Returns false when it was erased before.
   * The row stays, keyless, so the erasure itself is on record.
   */
  async erase(leadId: string, erasedBy: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ lead_id: string }[]>(
      `INSERT INTO lead_personal_data_keys AS k (lead_id, key, erased_at, erased_by)
       VALUES ($1, NULL, now(), $2)
       ON CONFLICT (lead_id) DO UPDATE SET key = NULL, erased_at = now(), erased_by = $2
         WHERE k.erased_at IS NULL
       RETURNING lead_id`,
      [leadId, erasedBy],
    );
    return rows.length > 0;
  }
}

function toLookup(row: { key: Buffer | null; erased_at: Date | null } | undefined): LeadKeyLookup {
  if (row === undefined) {
    return { state: 'absent' };
  }
  if (row.key === null) {
    return { state: 'erased', erasedAt: (row.erased_at ?? new Date(0)).toISOString() };
  }
  return { state: 'present', key: row.key };
}
