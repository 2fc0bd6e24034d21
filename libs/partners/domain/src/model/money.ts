/**
 * An ISO 4217 currency code such as `GBP`. Typed as a string because the list
 * belongs to the runtime (`Intl.supportedValuesOf('currency')`); the domain
 * checks a code against it when the code first enters a partner.
 */
export type CurrencyCode = string;

/**
 * An amount of money in integer minor units (pence for GBP) with its currency.
 * Never a float: balances and charges are summed, and sums must be exact.
 */
export interface Money {
  amount: number;
  currency: CurrencyCode;
}
