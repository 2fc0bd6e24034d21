import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RoutingPartnerRecord } from './routing-partner-record';

/** Reads of routing's view of partners (table `routing_partners`, kept by RoutingPartnersHandler). */
@Injectable()
export class RoutingPartners {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Every partner that buys the lead type: the candidates for a lead of it, in partner-id order. */
  async buying(leadType: string): Promise<RoutingPartnerRecord[]> {
    const rows = await this.dataSource.query<{ record: RoutingPartnerRecord }[]>(
      'SELECT record FROM routing_partners WHERE $1 = ANY(lead_types) ORDER BY partner_id',
      [leadType],
    );
    return rows.map((row) => row.record);
  }

  /** One partner, or null when routing never heard of it. */
  async one(partnerId: string): Promise<RoutingPartnerRecord | null> {
    const rows = await this.dataSource.query<{ record: RoutingPartnerRecord }[]>(
      'SELECT record FROM routing_partners WHERE partner_id = $1',
      [partnerId],
    );
    return rows[0]?.record ?? null;
  }
}
