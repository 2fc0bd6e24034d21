import type { PartnerTypeInput } from '../commands/partner-command-inputs';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import type { CurrencyCode, Money } from '../model/money';
import type { PartnerType } from '../model/partner-settings';
import { toMoney } from './money';

/**
 * The partner type a command asks for. A price omitted for a role the partner
 * keeps is taken from `current`; a price for a role it does not have is refused,
 * and a dropped role's price is dropped with it.
 */
export function toPartnerType(
  input: PartnerTypeInput,
  currency: CurrencyCode,
  current: PartnerType | null,
  field: string,
): PartnerType {
  if (!input.introducer && !input.partner) {
    throw new PartnerError(
      PartnerErrorCode.PARTNER_TYPE_REQUIRED,
      'must be an introducer, a partner or both',
      field,
    );
  }
  const leadCost = priceFor(input.introducer, input.leadCost, current?.leadCost ?? null, {
    field: `${field}.leadCost`,
    currency,
    required: PartnerErrorCode.LEAD_COST_REQUIRED,
    misplaced: PartnerErrorCode.LEAD_COST_ONLY_FOR_INTRODUCERS,
    role: 'an introducer',
  });
  const leadValue = priceFor(input.partner, input.leadValue, current?.leadValue ?? null, {
    field: `${field}.leadValue`,
    currency,
    required: PartnerErrorCode.LEAD_VALUE_REQUIRED,
    misplaced: PartnerErrorCode.LEAD_VALUE_ONLY_FOR_PARTNERS,
    role: 'a partner',
  });
  if (leadCost !== null && leadValue !== null) {
    return { introducer: true, partner: true, leadCost, leadValue };
  }
  if (leadCost !== null) {
    return { introducer: true, partner: false, leadCost, leadValue: null };
  }
  if (leadValue !== null) {
    return { introducer: false, partner: true, leadCost: null, leadValue };
  }
  // Unreachable: a role without its price was refused above.
  throw new PartnerError(PartnerErrorCode.PARTNER_TYPE_REQUIRED, 'has no priced role', field);
}

interface PriceRule {
  field: string;
  currency: CurrencyCode;
  required: PartnerErrorCode;
  misplaced: PartnerErrorCode;
  role: string;
}

/** The price of one role: given, kept, refused, or null when the role is not held. */
function priceFor(
  hasRole: boolean,
  given: Money | null | undefined,
  kept: Money | null,
  rule: PriceRule,
): Money | null {
  if (!hasRole) {
    if (given !== undefined && given !== null) {
      throw new PartnerError(rule.misplaced, `only ${rule.role} has this price`, rule.field);
    }
    return null;
  }
  const price = given ?? kept;
  if (price === null) {
    throw new PartnerError(rule.required, `${rule.role} needs this price`, rule.field);
  }
  return toMoney(price, rule.currency, rule.field);
}
