import type { PaymentRecorder, PaymentToRecord } from '../payment-recorder';

/**
 * A stand-in for billing core's PaymentRecorder in PaypalModule's own tests:
 * accounts by partner id and their currency, payments credited once per
 * reference, as the port promises. Not a model of billing's accounts.
 */
export class InMemoryPaymentRecorder implements PaymentRecorder {
  /** Every payment credited, in order. */
  readonly credited: PaymentToRecord[] = [];
  /** Calls of recordPayment, credited or not. */
  calls = 0;
  /** Set to make the next recordPayment fail (the database went away mid-request). */
  failNext = false;
  private readonly accounts = new Map<string, string>();

  open(partnerId: string, currency: string): this {
    this.accounts.set(partnerId, currency);
    return this;
  }

  accountCurrency(partnerId: string): Promise<string | null> {
    return Promise.resolve(this.accounts.get(partnerId) ?? null);
  }

  recordPayment(payment: PaymentToRecord): Promise<{ credited: boolean }> {
    this.calls++;
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('InMemoryPaymentRecorder: failing as asked'));
    }
    if (this.credited.some((done) => done.reference === payment.reference)) {
      return Promise.resolve({ credited: false });
    }
    this.credited.push(payment);
    return Promise.resolve({ credited: true });
  }

  /** What the partner's account received, in minor units. */
  balanceOf(partnerId: string): number {
    return this.credited
      .filter((payment) => payment.partnerId === partnerId)
      .reduce((sum, payment) => sum + payment.amount.amount, 0);
  }
}
