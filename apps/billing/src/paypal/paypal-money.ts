/** LeadRail's money: whole minor units of an ISO 4217 currency (1250 GBP is £12.50). */
export interface MinorUnits {
  amount: number;
  currency: string;
}

/** PayPal's money: a decimal string in the currency's major unit ("12.50"). */
export interface PaypalMoney {
  currency_code: string;
  value: string;
}

interface CurrencyDigits {
  /** ISO 4217's minor-unit exponent: how LeadRail counts the currency. */
  minor: number;
  /** Decimals PayPal accepts: fewer than ISO's for HUF and TWD, which PayPal takes only whole. */
  paypal: number;
}

/**
 * The currencies PayPal's REST APIs take (developer.paypal.com, "Currency
 * codes"), with both exponents. A table rather than Intl: ICU's digits vary
 * with the Node build, and PayPal's own rule for HUF and TWD is in no locale data.
 */
const CURRENCIES: Readonly<Record<string, CurrencyDigits>> = {
  AUD: { minor: 2, paypal: 2 },
  BRL: { minor: 2, paypal: 2 },
  CAD: { minor: 2, paypal: 2 },
  CHF: { minor: 2, paypal: 2 },
  CNY: { minor: 2, paypal: 2 },
  CZK: { minor: 2, paypal: 2 },
  DKK: { minor: 2, paypal: 2 },
  EUR: { minor: 2, paypal: 2 },
  GBP: { minor: 2, paypal: 2 },
  HKD: { minor: 2, paypal: 2 },
  HUF: { minor: 2, paypal: 0 },
  ILS: { minor: 2, paypal: 2 },
  JPY: { minor: 0, paypal: 0 },
  MXN: { minor: 2, paypal: 2 },
  MYR: { minor: 2, paypal: 2 },
  NOK: { minor: 2, paypal: 2 },
  NZD: { minor: 2, paypal: 2 },
  PHP: { minor: 2, paypal: 2 },
  PLN: { minor: 2, paypal: 2 },
  SEK: { minor: 2, paypal: 2 },
  SGD: { minor: 2, paypal: 2 },
  THB: { minor: 2, paypal: 2 },
  TWD: { minor: 2, paypal: 0 },
  USD: { minor: 2, paypal: 2 },
};

/** Why an amount cannot be paid through PayPal, naming the field of `{amount, currency}` to blame. */
export interface MoneyProblem {
  field: 'amount' | 'currency';
  message: string;
}

function digitsOf(currency: string): CurrencyDigits | undefined {
  return Object.hasOwn(CURRENCIES, currency) ? CURRENCIES[currency] : undefined;
}

/** Whether PayPal takes payments in the currency at all. */
export function isPaypalCurrency(currency: string): boolean {
  return digitsOf(currency) !== undefined;
}

/**
 * The decimal string PayPal wants for an amount, computed on the digits of the
 * integer (never through a float, so 1 penny is "0.01" and 2^53-1 stays exact).
 */
export function toPaypalMoney(money: MinorUnits): PaypalMoney | MoneyProblem {
  const digits = digitsOf(money.currency);
  if (digits === undefined) {
    return {
      field: 'currency',
      message: `PayPal does not take payments in ${money.currency}`,
    };
  }
  if (!Number.isSafeInteger(money.amount) || money.amount <= 0) {
    return {
      field: 'amount',
      message: 'the amount must be a positive whole number of minor units',
    };
  }
  // HUF and TWD: LeadRail counts hundredths, PayPal takes whole units only.
  const step = 10n ** BigInt(digits.minor - digits.paypal);
  const units = BigInt(money.amount);
  if (units % step !== 0n) {
    return {
      field: 'amount',
      message: `PayPal takes ${money.currency} in whole units only: the amount must be a multiple of ${step} minor units`,
    };
  }
  const text = (units / step).toString().padStart(digits.paypal + 1, '0');
  const value =
    digits.paypal === 0 ? text : `${text.slice(0, -digits.paypal)}.${text.slice(-digits.paypal)}`;
  return { currency_code: money.currency, value };
}

const DECIMAL = /^(\d{1,32})(?:\.(\d{1,32}))?$/;

/**
 * LeadRail's minor units for an amount PayPal reports, or null when the value
 * is not a plain non-negative decimal in a known currency or has more
 * decimals than the currency has minor units (no rounding: money is exact or refused).
 */
export function fromPaypalMoney(money: PaypalMoney): MinorUnits | null {
  const digits = digitsOf(money.currency_code);
  const match = DECIMAL.exec(money.value);
  if (digits === undefined || match === null) {
    return null;
  }
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > digits.minor) {
    return null;
  }
  const minor =
    BigInt(whole) * 10n ** BigInt(digits.minor) + BigInt(fraction.padEnd(digits.minor, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    return null;
  }
  return { amount: Number(minor), currency: money.currency_code };
}
