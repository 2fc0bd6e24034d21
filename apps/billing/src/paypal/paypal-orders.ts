import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type PaypalOrderState = 'created' | 'capture-pending' | 'captured' | 'declined';

/** An order LeadRail created at PayPal, as LeadRail keeps it. */
export interface PendingPaypalOrder {
  orderId: string;
  partnerId: string;
  amount: { amount: number; currency: string };
  status: PaypalOrderState;
  createdAt: Date;
  capturedAt: Date | null;
  captureId: string | null;
}

interface OrderRow {
  order_id: string;
  partner_id: string;
  amount: string;
  currency: string;
  status: PaypalOrderState;
  created_at: Date;
  captured_at: Date | null;
  capture_id: string | null;
}

/**
 * The orders of PayPal top-ups (`billing_paypal_orders`). Every change is one
 * statement whose WHERE says which state it leaves, so a capture answer and a
 * webhook racing for the same order agree: a captured order stays captured.
 */
@Injectable()
export class PaypalOrders {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async add(order: {
    orderId: string;
    partnerId: string;
    amount: { amount: number; currency: string };
    createdAt: Date;
  }): Promise<void> {
    // PayPal never reuses an order id: a conflict is the same order added again (a retried request).
    await this.dataSource.query(
      `INSERT INTO billing_paypal_orders (order_id, partner_id, amount, currency, status, created_at)
       VALUES ($1, $2, $3, $4, 'created', $5) ON CONFLICT (order_id) DO NOTHING`,
      [order.orderId, order.partnerId, order.amount.amount, order.amount.currency, order.createdAt],
    );
  }

  async find(orderId: string): Promise<PendingPaypalOrder | null> {
    const rows = await this.dataSource.query<OrderRow[]>(
      `SELECT order_id, partner_id, amount, currency, status, created_at, captured_at, capture_id
         FROM billing_paypal_orders WHERE order_id = $1`,
      [orderId],
    );
    const row = rows[0];
    return row === undefined ? null : toOrder(row);
  }

  /** PayPal holds the captured funds for now; its webhook tells when they arrive. */
  async markCapturePending(orderId: string, captureId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE billing_paypal_orders SET status = 'capture-pending', capture_id = $2
        WHERE order_id = $1 AND status IN ('created', 'capture-pending')`,
      [orderId, captureId],
    );
  }

  /** The payment was credited (by this call or an earlier one). */
  async markCaptured(orderId: string, captureId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE billing_paypal_orders
          SET status = 'captured', capture_id = $2, captured_at = COALESCE(captured_at, $3)
        WHERE order_id = $1 AND status <> 'captured'`,
      [orderId, captureId, at],
    );
  }

  async markDeclined(orderId: string, captureId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE billing_paypal_orders SET status = 'declined', capture_id = $2
        WHERE order_id = $1 AND status IN ('created', 'capture-pending')`,
      [orderId, captureId],
    );
  }
}

function toOrder(row: OrderRow): PendingPaypalOrder {
  return {
    orderId: row.order_id,
    partnerId: row.partner_id,
    // bigint arrives as text; amounts are kept within 2^53 when added.
    amount: { amount: Number(row.amount), currency: row.currency },
    status: row.status,
    createdAt: row.created_at,
    capturedAt: row.captured_at,
    captureId: row.capture_id,
  };
}
