import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A partner's sales in a range: leads charged, what they brought in, what they cost us. */
export interface PartnerReportRow {
  partnerId: string;
  name: string | null;
  currency: string;
  leadsCharged: number;
  leadsReversed: number;
  /** Charges less charges given back, in the range. */
  revenue: number;
  /** What the introducers of the leads charged in the range are owed for them (net of reversals). */
  cost: number;
  margin: number;
}

/** An introducer's leads in a range: what we owe for them and what they sold for. */
export interface IntroducerReportRow {
  introducerId: string;
  name: string | null;
  currency: string;
  leadsBought: number;
  leadsReversed: number;
  /** Lead Costs recorded less those reversed, in the range. */
  cost: number;
  /** What partners were charged for these leads (net of reversals), whenever. */
  revenue: number;
  margin: number;
}

/**
 * Per-partner and per-introducer totals over a range, from the ledger
 * projection, one row per currency. Margins join the two books on the
 * lead: revenue from partners' charges, cost from what its introducer is
 * owed.
 */
@Injectable()
export class ReportsQuery {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async partners(from: Date, to: Date): Promise<PartnerReportRow[]> {
    const rows = await this.dataSource.query<Record<string, string | null>[]>(
      `WITH sold AS (
         SELECT partner_id, lead_id, kind, currency, amount FROM billing_ledger
          WHERE book = 'account' AND kind IN ('charge', 'charge-reversal')
            AND recorded_at >= $1 AND recorded_at < $2
       ), lead_cost AS (
         SELECT lead_id, currency, sum(amount) AS cost FROM billing_ledger
          WHERE book = 'payable' AND recorded_at < $2
            AND lead_id IN (SELECT lead_id FROM sold WHERE kind = 'charge')
          GROUP BY lead_id, currency
       )
       SELECT s.partner_id, p.record->>'name' AS name, s.currency,
              count(*) FILTER (WHERE s.kind = 'charge') AS leads_charged,
              count(*) FILTER (WHERE s.kind = 'charge-reversal') AS leads_reversed,
              -sum(s.amount) AS revenue,
              coalesce(sum(c.cost) FILTER (WHERE s.kind = 'charge'), 0) AS cost
         FROM sold s
         LEFT JOIN lead_cost c ON c.lead_id = s.lead_id AND c.currency = s.currency
         LEFT JOIN billing_partners p ON p.partner_id = s.partner_id
        GROUP BY s.partner_id, p.record->>'name', s.currency
        ORDER BY s.partner_id, s.currency`,
      [from, to],
    );
    return rows.map((row) => {
      const revenue = Number(row.revenue);
      const cost = Number(row.cost);
      return {
        partnerId: row.partner_id!,
        name: row.name ?? null,
        currency: row.currency!,
        leadsCharged: Number(row.leads_charged),
        leadsReversed: Number(row.leads_reversed),
        revenue,
        cost,
        margin: revenue - cost,
      };
    });
  }

  async introducers(from: Date, to: Date): Promise<IntroducerReportRow[]> {
    const rows = await this.dataSource.query<Record<string, string | null>[]>(
      `WITH bought AS (
         SELECT partner_id, lead_id, kind, currency, amount FROM billing_ledger
          WHERE book = 'payable' AND recorded_at >= $1 AND recorded_at < $2
       ), lead_revenue AS (
         SELECT lead_id, currency, -sum(amount) AS revenue FROM billing_ledger
          WHERE book = 'account' AND kind IN ('charge', 'charge-reversal') AND recorded_at < $2
            AND lead_id IN (SELECT lead_id FROM bought WHERE kind = 'lead-cost')
          GROUP BY lead_id, currency
       )
       SELECT b.partner_id, p.record->>'name' AS name, b.currency,
              count(*) FILTER (WHERE b.kind = 'lead-cost') AS leads_bought,
              count(*) FILTER (WHERE b.kind = 'reversal') AS leads_reversed,
              sum(b.amount) AS cost,
              coalesce(sum(r.revenue) FILTER (WHERE b.kind = 'lead-cost'), 0) AS revenue
         FROM bought b
         LEFT JOIN lead_revenue r ON r.lead_id = b.lead_id AND r.currency = b.currency
         LEFT JOIN billing_partners p ON p.partner_id = b.partner_id
        GROUP BY b.partner_id, p.record->>'name', b.currency
        ORDER BY b.partner_id, b.currency`,
      [from, to],
    );
    return rows.map((row) => {
      const revenue = Number(row.revenue);
      const cost = Number(row.cost);
      return {
        introducerId: row.partner_id!,
        name: row.name ?? null,
        currency: row.currency!,
        leadsBought: Number(row.leads_bought),
        leadsReversed: Number(row.leads_reversed),
        cost,
        revenue,
        margin: revenue - cost,
      };
    });
  }
}

export const PARTNER_REPORT_COLUMNS = [
  'partnerId',
  'name',
  'currency',
  'leadsCharged',
  'leadsReversed',
  'revenue',
  'cost',
  'margin',
] as const satisfies readonly (keyof PartnerReportRow)[];

export const INTRODUCER_REPORT_COLUMNS = [
  'introducerId',
  'name',
  'currency',
  'leadsBought',
  'leadsReversed',
  'cost',
  'revenue',
  'margin',
] as const satisfies readonly (keyof IntroducerReportRow)[];
