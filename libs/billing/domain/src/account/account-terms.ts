/** An amount in whole minor units of its currency (never a float). */
export interface Amount {
  amount: number;
  currency: string;
}

/**
 * What the partner's settings say about paying, as billing last read them
 * (from `leadrail.partners.v1`). Passed with each account command rather
 * than kept in the account's stream: the settings are the partners
 * service's, and the account records what it decided with them (the
 * threshold in a low-funds alert, for one).
 */
export interface AccountTerms {
  mode: 'pre-pay' | 'post-pay';
  /** How far below zero a post-pay balance may go; null for pre-pay. */
  creditLimit: Amount | null;
  /** Alert when available funds drop to or below this. */
  lowFundsThreshold: Amount;
}

/**
 * The currency an account is kept in before its first movement fixes it:
 * the partner's low-funds threshold's, which every partner has.
 */
export function termsCurrency(terms: AccountTerms): string {
  return terms.lowFundsThreshold.currency;
}

/**
 * What the partner may still spend: the balance, plus the credit limit for a
 * post-pay partner (a credit limit in another currency counts as none).
 */
export function availableFunds(balance: number, currency: string, terms: AccountTerms): number {
  const credit =
    terms.mode === 'post-pay' && terms.creditLimit?.currency === currency
      ? terms.creditLimit.amount
      : 0;
  return balance + credit;
}
