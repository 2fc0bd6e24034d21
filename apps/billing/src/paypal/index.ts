/** PayPal top-ups of partner accounts: what the billing service wires in (README, "PayPal top-ups"). */
export { PaypalModule, type PaypalModuleOptions } from './paypal.module';
export {
  PAYPAL_SETTINGS,
  type PaypalConnection,
  type PaypalSettings,
  paypalSettings,
} from './paypal.env';
export { PAYMENT_RECORDER, type PaymentRecorder, type PaymentToRecord } from './payment-recorder';
export { CreatePaypalOrders1764000003500 } from './migrations/1764000003500-create-paypal-orders';
export type { CaptureOutcome, StartedTopUp } from './paypal-top-ups';
export type { WebhookOutcome } from './paypal-webhooks';
// For tests of the billing service (end-to-end through PayPal's endpoints); has no dependency beyond node:.
export {
  PaypalTestServer,
  type PaypalTestServerOptions,
  type WebhookDelivery,
} from './testing/paypal-test-server';
