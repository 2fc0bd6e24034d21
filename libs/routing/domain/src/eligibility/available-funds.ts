import type { Money } from '../model/money';
import type { PartnerFunds } from '../model/partner-funds';
import type { RoutingPayment } from '../model/routing-partner';

/**
 * Everything a partner may still be charged, before reservations: a pre-pay
 * balance (never below zero), or a post-pay balance plus the credit limit
 * (the credit remaining). Null when the credit limit is in another currency
 * than the balance: nothing can be said.
 */
export function availableFunds(payment: RoutingPayment, funds: PartnerFunds): Money | null {
  if (payment.mode === 'pre-pay') {
    return funds.balance;
  }
  if (payment.creditLimit.currency !== funds.balance.currency) {
    return null;
  }
  return {
    amount: funds.balance.amount + payment.creditLimit.amount,
    currency: funds.balance.currency,
  };
}
