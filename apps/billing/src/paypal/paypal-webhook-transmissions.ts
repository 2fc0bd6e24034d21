import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The webhook deliveries LeadRail accepted (`billing_paypal_webhook_transmissions`),
 * by PAYPAL-TRANSMISSION-ID. PayPal signs each transmission once and sends a
 * retry as a new transmission, so the same id twice is someone replaying a
 * delivery they captured: its signature still verifies, only this table tells.
 * Rows older than the accepted age of a transmission are useless (the age
 * check refuses those first) and are pruned as new ones arrive.
 */
@Injectable()
export class PaypalWebhookTransmissions {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Records a verified transmission; false when it was recorded before (a replay). */
  async claim(transmission: {
    transmissionId: string;
    eventId: string;
    eventType: string;
    receivedAt: Date;
  }): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO billing_paypal_webhook_transmissions
              (transmission_id, event_id, event_type, received_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (transmission_id) DO NOTHING RETURNING transmission_id`,
      [
        transmission.transmissionId,
        transmission.eventId,
        transmission.eventType,
        transmission.receivedAt,
      ],
    );
    return rows.length === 1;
  }

  /** Gives a claim back when handling failed (LeadRail answered 5xx): a retry of that delivery is then handled, not refused as a replay. */
  async release(transmissionId: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM billing_paypal_webhook_transmissions WHERE transmission_id = $1',
      [transmissionId],
    );
  }

  async pruneReceivedBefore(cutoff: Date): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM billing_paypal_webhook_transmissions WHERE received_at < $1',
      [cutoff],
    );
  }
}
