import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PayPal top-ups' own tables. `billing_paypal_orders`: each order LeadRail
 * created at PayPal, for whom and for how much, so a capture or a webhook
 * credits the partner who started it with the amount LeadRail asked for (never
 * what a request or an event claims). `billing_paypal_webhook_transmissions`:
 * the webhook deliveries already accepted, so one replayed is refused.
 */
export class CreatePaypalOrders1764000003500 implements MigrationInterface {
  name = 'CreatePaypalOrders1764000003500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE billing_paypal_orders (
      order_id    text        PRIMARY KEY,
      partner_id  text        NOT NULL,
      -- Whole minor units of currency, as LeadRail counts money.
      amount      bigint      NOT NULL CHECK (amount > 0),
      currency    text        NOT NULL,
      -- created (awaiting approval and capture), capture-pending (PayPal holds the
      -- funds; its PAYMENT.CAPTURE.COMPLETED webhook credits), captured (credited), declined.
      status      text        NOT NULL
                  CHECK (status IN ('created', 'capture-pending', 'captured', 'declined')),
      created_at  timestamptz NOT NULL,
      captured_at timestamptz,
      capture_id  text        UNIQUE
    )`);
    await runner.query(
      'CREATE INDEX billing_paypal_orders_by_partner ON billing_paypal_orders (partner_id, created_at)',
    );
    await runner.query(`CREATE TABLE billing_paypal_webhook_transmissions (
      transmission_id text        PRIMARY KEY,
      event_id        text        NOT NULL,
      event_type      text        NOT NULL,
      received_at     timestamptz NOT NULL
    )`);
    await runner.query(
      'CREATE INDEX billing_paypal_webhook_transmissions_by_age ON billing_paypal_webhook_transmissions (received_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE billing_paypal_webhook_transmissions, billing_paypal_orders');
  }
}
