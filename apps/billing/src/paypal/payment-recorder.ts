export const PAYMENT_RECORDER = Symbol('PAYMENT_RECORDER');
export interface PaymentToRecord {
  partnerId: string;
  amount: { amount: number; currency: string };
  reference: string /* PayPal capture id */;
  actor: { type: 'partner' | 'operator' | 'system'; id: string };
  causeId: string; /* stable id for idempotency, e.g. the capture id */
}
export interface PaymentRecorder {
  /** The account's currency, or null when billing does not know this partner. */
  accountCurrency(partnerId: string): Promise<string | null>;
  /** Credits the account once per reference; returns whether this call credited (false: already credited). */
  recordPayment(payment: PaymentToRecord): Promise<{ credited: boolean }>;
}
