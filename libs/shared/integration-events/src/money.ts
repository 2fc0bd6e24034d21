import { IsInt, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsCurrencyCode } from './rules/codes';

const WHOLE_MINOR_UNITS =
  '$property must be a whole, non-negative number of minor units (1250 for 12.50), never a fraction';

/**
 * An amount of money in integer minor units (pence, cents) with its currency.
 * Never a float: 0.1 + 0.2 is not 0.3, and balances and caps must add up
 * exactly. Amounts are never negative; a refund is its own event.
 */
export class Money {
  @JSONSchema({ description: 'Whole minor units of the currency, e.g. 1250 for GBP 12.50.' })
  @IsInt({ message: WHOLE_MINOR_UNITS })
  @Min(0, { message: WHOLE_MINOR_UNITS })
  // Past 2^53 integers stop being exact in JSON parsers.
  @Max(Number.MAX_SAFE_INTEGER, { message: '$property must be at most 9007199254740991' })
  amount!: number;

  @JSONSchema({ description: 'ISO 4217 currency code in upper case, e.g. GBP.' })
  @IsCurrencyCode()
  currency!: string;
}

/**
 * An amount that may be below zero, such as a post-pay balance using its
 * credit: integer minor units with the currency, like {@link Money}.
 */
export class SignedMoney {
  @JSONSchema({ description: 'Whole minor units of the currency, possibly negative.' })
  @IsInt({ message: '$property must be a whole number of minor units, never a fraction' })
  @Min(Number.MIN_SAFE_INTEGER, { message: '$property must be at least -9007199254740991' })
  @Max(Number.MAX_SAFE_INTEGER, { message: '$property must be at most 9007199254740991' })
  amount!: number;

  @JSONSchema({ description: 'ISO 4217 currency code in upper case, e.g. GBP.' })
  @IsCurrencyCode()
  currency!: string;
}
