import type { PaymentModeInput } from '../commands/partner-command-inputs';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import type { CurrencyCode } from '../model/money';
import { PAYMENT_MODES, type PaymentMode } from '../model/partner-settings';
import { toMoney } from './money';
import { assertOneOf } from './options';

/**
 * The payment mode a command asks for. Post-pay needs a credit limit above
 * zero (the balance may then go down to minus that limit); pre-pay has none,
 * so a limit given with it is refused rather than silently ignored.
 */
export function toPaymentMode(
  input: PaymentModeInput,
  currency: CurrencyCode,
  field: string,
): PaymentMode {
  assertOneOf(input.mode, PAYMENT_MODES, `${field}.mode`);
  const creditLimit = input.creditLimit ?? null;
  if (input.mode === 'pre-pay') {
    if (creditLimit !== null) {
      throw new PartnerError(
        PartnerErrorCode.CREDIT_LIMIT_ONLY_FOR_POST_PAY,
        'a pre-pay partner has no credit limit',
        `${field}.creditLimit`,
      );
    }
    return { mode: 'pre-pay' };
  }
  if (creditLimit === null) {
    throw new PartnerError(
      PartnerErrorCode.CREDIT_LIMIT_REQUIRED,
      'a post-pay partner needs a credit limit',
      `${field}.creditLimit`,
    );
  }
  return {
    mode: 'post-pay',
    creditLimit: toMoney(creditLimit, currency, `${field}.creditLimit`, { positive: true }),
  };
}
