import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import type { CurrencyCode, Money } from '../model/money';

let knownCurrencies: ReadonlySet<string> | undefined;

/** Refuses a code that is not an ISO 4217 currency the runtime knows. */
export function assertCurrencyCode(currency: string, field: string): void {
  // Built once: the runtime's list does not change while the process runs.
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (
    typeof currency !== 'string' ||
    !/^[A-Z]{3}$/.test(currency) ||
    !knownCurrencies.has(currency)
  ) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_CURRENCY,
      `must be an ISO 4217 currency code such as GBP, got ${JSON.stringify(currency)}`,
      field,
    );
  }
}

/**
 * The money copied, or an error when it is not a whole number of minor units,
 * is negative (or zero where `positive`), or is not in the partner's currency:
 * every amount of a partner is compared with its balance, which has one currency.
 */
export function toMoney(
  money: Money,
  currency: CurrencyCode,
  field: string,
  rule: { positive?: boolean } = {},
): Money {
  const minimum = rule.positive ? 1 : 0;
  if (!Number.isSafeInteger(money.amount) || money.amount < minimum) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_MONEY,
      `must be a whole number of minor units, at least ${minimum}`,
      `${field}.amount`,
    );
  }
  if (money.currency !== currency) {
    throw new PartnerError(
      PartnerErrorCode.CURRENCY_MISMATCH,
      `must be in the partner's currency ${currency}, got ${JSON.stringify(money.currency)}`,
      `${field}.currency`,
    );
  }
  return { amount: money.amount, currency: money.currency };
}
