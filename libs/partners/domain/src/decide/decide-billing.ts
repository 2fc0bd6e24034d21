import type {
  SetBillingPoint,
  SetLowFundsThreshold,
  SetPaymentMode,
} from '../commands/partner-commands';
import type {
  BillingPointChanged,
  LowFundsThresholdChanged,
  PaymentModeChanged,
} from '../events/partner-events';
import { BILLING_POINTS } from '../model/partner-settings';
import type { ActivePartner } from '../model/partner-state';
import { assertBillingPointFitsPortal } from '../rules/billing-rules';
import { eventIfChanged } from '../rules/unchanged';
import { toPaymentMode } from '../validation/billing';
import { toMoney } from '../validation/money';
import { assertOneOf } from '../validation/options';

/** Switches payment mode; a credit limit only comes with post-pay. */
export function decidePaymentMode(
  command: SetPaymentMode,
  partner: ActivePartner,
): PaymentModeChanged[] {
  const payment = toPaymentMode(command.data.payment, partner.currency, 'payment');
  return eventIfChanged(partner.settings.payment, payment, {
    type: 'PaymentModeChanged',
    data: { partnerId: partner.id, payment },
  });
}

/** Sets when the partner is charged; at acceptance only if it must accept referrals. */
export function decideBillingPoint(
  command: SetBillingPoint,
  partner: ActivePartner,
): BillingPointChanged[] {
  const billingPoint = command.data.billingPoint;
  assertOneOf(billingPoint, BILLING_POINTS, 'billingPoint');
  assertBillingPointFitsPortal(billingPoint, partner.settings.portalAccess, 'billingPoint');
  return eventIfChanged(partner.settings.billingPoint, billingPoint, {
    type: 'BillingPointChanged',
    data: { partnerId: partner.id, billingPoint },
  });
}

/** Sets the low-funds threshold, in the partner's currency. */
export function decideLowFundsThreshold(
  command: SetLowFundsThreshold,
  partner: ActivePartner,
): LowFundsThresholdChanged[] {
  const lowFundsThreshold = toMoney(
    command.data.lowFundsThreshold,
    partner.currency,
    'lowFundsThreshold',
  );
  return eventIfChanged(partner.settings.lowFundsThreshold, lowFundsThreshold, {
    type: 'LowFundsThresholdChanged',
    data: { partnerId: partner.id, lowFundsThreshold },
  });
}
