/**
 * An amount of money in integer minor units (pence for GBP) with its ISO 4217
 * currency. Never a float: reservations are summed against balances, and sums
 * must be exact. The same shape as the partners domain's `Money`, restated
 * here because one context never imports another's domain.
 */
export interface Money {
  amount: number;
  currency: string;
}

/** Whether two amounts can be added or compared. */
export function sameCurrency(a: Money, b: Money): boolean {
  return a.currency === b.currency;
}
