import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One change to a partner, for auditors: what, who, when and why. */
export interface PartnerChange {
  revision: number;
  type: string;
  data: unknown;
  actor: unknown;
  reason: string | null;
  occurredAt: Date;
  recordedAt: Date;
}

/** Reads of the `partner_history` read model (kept by PartnerHistoryProjection). */
@Injectable()
export class PartnerHistory {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async of(partnerId: string): Promise<PartnerChange[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select([
        'history.revision AS revision',
        'history.type AS type',
        'history.data AS data',
        'history.actor AS actor',
        'history.reason AS reason',
        'history.occurred_at AS "occurredAt"',
        'history.recorded_at AS "recordedAt"',
      ])
      .from('partner_history', 'history')
      .where('history.partner_id = :partnerId', { partnerId })
      .orderBy('history.revision')
      .getRawMany<Omit<PartnerChange, 'revision'> & { revision: string }>();
    return rows.map((row) => ({ ...row, revision: Number(row.revision) }));
  }
}
