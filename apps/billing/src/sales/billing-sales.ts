import { Injectable } from '@nestjs/common';
import type { BillingPoint } from '@leadrail/partners-contracts';
import type { EntityManager } from 'typeorm';

/** A lead sold to a partner, as billing knows it so far. */
export interface Sale {
  leadId: string;
  partnerId: string;
  /** What the partner pays (the Lead Value routing reserved); null until LeadRouted arrives. */
  leadValue: { amount: number; currency: string } | null;
  /** The partner's billing point when the lead was routed to it; null until then. */
  billingPoint: BillingPoint | null;
  pointsReached: BillingPoint[];
  correlationId: string | null;
  /** A return of the lead was accepted: it is never charged (again). */
  returned: boolean;
}

interface SaleRow {
  lead_id: string;
  partner_id: string;
  lead_value: string | null;
  currency: string | null;
  billing_point: BillingPoint | null;
  points_reached: BillingPoint[];
  correlation_id: string | null;
  returned: boolean;
}

/**
 * `billing_sales`: what a lead sold to a partner pays, and the billing
 * points it reached, gathered from two topics in whatever order they come.
 * Each write is an upsert that returns the whole row: its row lock makes a
 * second writer wait for the first and see both halves, so one of them
 * always finds the sale complete.
 */
@Injectable()
export class BillingSales {
  async routed(
    manager: EntityManager,
    sale: {
      leadId: string;
      partnerId: string;
      leadValue: { amount: number; currency: string };
      /** Null while billing has not heard of the partner: set when it does. */
      billingPoint: BillingPoint | null;
      correlationId: string;
    },
  ): Promise<Sale> {
    const rows = await manager.query<SaleRow[]>(
      `INSERT INTO billing_sales
         (lead_id, partner_id, lead_value, currency, billing_point, correlation_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (lead_id, partner_id) DO UPDATE
         SET lead_value = EXCLUDED.lead_value, currency = EXCLUDED.currency,
             billing_point = COALESCE(billing_sales.billing_point, EXCLUDED.billing_point),
             correlation_id = COALESCE(billing_sales.correlation_id, EXCLUDED.correlation_id),
             updated_at = now()
       RETURNING *`,
      [
        sale.leadId,
        sale.partnerId,
        sale.leadValue.amount,
        sale.leadValue.currency,
        sale.billingPoint,
        sale.correlationId,
      ],
    );
    return toSale(rows[0]!);
  }

  async reached(
    manager: EntityManager,
    leadId: string,
    partnerId: string,
    points: readonly BillingPoint[],
  ): Promise<Sale> {
    const rows = await manager.query<SaleRow[]>(
      `INSERT INTO billing_sales (lead_id, partner_id, points_reached, updated_at)
       VALUES ($1, $2, $3::text[], now())
       ON CONFLICT (lead_id, partner_id) DO UPDATE
         SET points_reached = ARRAY(
               SELECT DISTINCT unnest(billing_sales.points_reached || EXCLUDED.points_reached)),
             updated_at = now()
       RETURNING *`,
      [leadId, partnerId, points],
    );
    return toSale(rows[0]!);
  }
}

/**
 * Sales routed to a partner billing had not heard of yet: they take the
 * partner's billing point now that it is known (in the partner event's
 * transaction), and are returned to be charged if due.
 */
export async function priceWaitingSales(
  manager: EntityManager,
  partnerId: string,
  billingPoint: BillingPoint,
): Promise<Sale[]> {
  // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver.
  const [rows] = await manager.query<[SaleRow[], number]>(
    `UPDATE billing_sales SET billing_point = $2, updated_at = now()
      WHERE partner_id = $1 AND billing_point IS NULL AND lead_value IS NOT NULL
      RETURNING *`,
    [partnerId, billingPoint],
  );
  return rows.map(toSale);
}

/** A return accepted: the sale is never charged afterwards, whatever arrives late. */
export async function markReturned(
  manager: EntityManager,
  leadId: string,
  partnerId: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO billing_sales (lead_id, partner_id, returned, updated_at) VALUES ($1, $2, true, now())
     ON CONFLICT (lead_id, partner_id) DO UPDATE SET returned = true, updated_at = now()`,
    [leadId, partnerId],
  );
  await manager.query('UPDATE billing_leads SET returned = true WHERE lead_id = $1', [leadId]);
}

function toSale(row: SaleRow): Sale {
  return {
    leadId: row.lead_id,
    partnerId: row.partner_id,
    leadValue:
      row.lead_value === null || row.currency === null
        ? null
        : { amount: Number(row.lead_value), currency: row.currency },
    billingPoint: row.billing_point,
    pointsReached: row.points_reached,
    correlationId: row.correlation_id,
    returned: row.returned,
  };
}

/** Whether a sale is due its charge: the value is known and the partner's own point was reached. */
export function isChargeable(
  sale: Sale,
): sale is Sale & { leadValue: NonNullable<Sale['leadValue']>; billingPoint: BillingPoint } {
  return (
    !sale.returned &&
    sale.leadValue !== null &&
    sale.billingPoint !== null &&
    sale.pointsReached.includes(sale.billingPoint)
  );
}
