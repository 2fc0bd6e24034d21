import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PartnerView } from '../partner-view/partner-view';

/** Money in whole minor units. */
export interface ReportMoney {
  amount: number;
  currency: string;
}

/** One day and status of a partner's report. */
export interface ReportLine {
  /** The UTC day the leads were delivered. */
  day: string;
  /** The status the leads have now; null for leads given none yet. */
  status: string | null;
  leads: number;
  /** Of those, handed back (an operator accepted the return). */
  returned: number;
  /** The leads kept (not returned) at the partner's lead value; null when it has none. */
  value: ReportMoney | null;
}

/** A partner's report over whole UTC days `from` to `to`, both included. */
export interface PartnerLeadReport {
  from: string;
  to: string;
  /** The lead value the report counts at: the partner's current one. */
  leadValue: ReportMoney | null;
  lines: ReportLine[];
  totals: { leads: number; returned: number; value: ReportMoney | null };
}

/**
 * The portal's reports: the partner's delivered leads by day of delivery and
 * current status, counted and valued. The value is at the partner's lead
 * value now (billing's statements hold what was charged at the time).
 */
@Injectable()
export class LeadReports {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PartnerView) private readonly partners: PartnerView,
  ) {}

  async forPartner(partnerId: string, from: string, to: string): Promise<PartnerLeadReport> {
    const rows = await this.dataSource.query<
      { day: string; status: string | null; leads: number; returned: number }[]
    >(
      `SELECT to_char(delivered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, status,
         count(*)::int AS leads, (count(*) FILTER (WHERE stage = 'returned'))::int AS returned
       FROM lead_search
       WHERE partner_id = $1::uuid AND delivered_at >= $2::date AT TIME ZONE 'UTC'
         AND delivered_at < ($3::date + 1) AT TIME ZONE 'UTC'
       GROUP BY 1, 2 ORDER BY 1, 2 NULLS FIRST`,
      [partnerId, from, to],
    );
    const leadValue = await this.partners.leadValue(partnerId);
    const valueOf = (kept: number): ReportMoney | null =>
      leadValue === null ? null : { amount: kept * leadValue.amount, currency: leadValue.currency };
    const lines = rows.map((row) => ({ ...row, value: valueOf(row.leads - row.returned) }));
    const leads = lines.reduce((sum, line) => sum + line.leads, 0);
    const returned = lines.reduce((sum, line) => sum + line.returned, 0);
    return {
      from,
      to,
      leadValue,
      lines,
      totals: { leads, returned, value: valueOf(leads - returned) },
    };
  }
}
