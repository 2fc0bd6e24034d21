import { DeliveryTemplateError, DeliveryTemplateErrorCode } from '../errors';

/** An amount of money in integer minor units (pence, cents) of an ISO 4217 currency. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

/**
 * The amount in major units as text with the currency's own number of decimals
 * (`1250 GBP` → `12.50`, `500 JPY` → `500`, `1234 KWD` → `1.234`), computed on
 * the integer digits so that no float ever rounds it.
 */
export function decimalAmount({ amount, currency }: Money): string {
  if (!Number.isSafeInteger(amount)) {
    throw new DeliveryTemplateError(
      DeliveryTemplateErrorCode.INVALID_TEMPLATE_INPUT,
      `the lead value must be a whole number of minor units, got ${amount}`,
    );
  }
  const digits = currencyDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const padded = String(Math.abs(amount)).padStart(digits + 1, '0');
  return digits === 0
    ? `${sign}${padded}`
    : `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

function currencyDigits(currency: string): number {
  if (!CURRENCY.test(currency)) {
    throw new DeliveryTemplateError(
      DeliveryTemplateErrorCode.INVALID_TEMPLATE_INPUT,
      `"${currency}" is not an ISO 4217 currency code`,
    );
  }
  // ICU knows each currency's minor unit (JPY 0, GBP 2, KWD 3); its types leave it optional.
  const { maximumFractionDigits } = new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
  }).resolvedOptions();
  return maximumFractionDigits ?? 2;
}
