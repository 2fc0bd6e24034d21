import type { RegisterPartner } from '../commands/partner-commands';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import type { PartnerRegistered } from '../events/partner-events';
import { BILLING_POINTS, type PartnerRegistrationSettings } from '../model/partner-settings';
import type { PartnerState } from '../model/partner-state';
import { assertActorMayIssue } from '../rules/actor-rules';
import { assertBillingPointFitsPortal } from '../rules/billing-rules';
import { toPaymentMode } from '../validation/billing';
import { assertTextAlertsReachable, toContactDetails, toTextAlerts } from '../validation/contact';
import { toDeliveryChannels, toDeliveryLimits } from '../validation/delivery';
import { assertPartnerId, normalizedName } from '../validation/identity';
import { assertCurrencyCode, toMoney } from '../validation/money';
import { assertOneOf } from '../validation/options';
import { toPartnerType } from '../validation/partner-type';
import { toPortalAccess, toPortalLogin } from '../validation/portal';
import { toDeliverySchedule } from '../validation/schedule';
import { DEFAULT_PORTAL_ACCESS, defaultDeliverySchedule } from './registration-defaults';

/**
 * Registers a partner with every setting resolved: the ones given, checked, and
 * defaults for the rest (see {@link RegisterPartner}). The currency given here
 * is the partner's for good, and every amount must be in it.
 */
export function decideRegistration(
  command: RegisterPartner,
  state: PartnerState,
): [PartnerRegistered] {
  const data = command.data;
  if (state.status !== 'unregistered') {
    throw new PartnerError(
      PartnerErrorCode.PARTNER_ALREADY_REGISTERED,
      `partner ${state.id} is already registered`,
      'partnerId',
    );
  }
  assertActorMayIssue(command, data.partnerId);
  assertPartnerId(data.partnerId, 'partnerId');
  const name = normalizedName(data.name, 'name');
  assertCurrencyCode(data.currency, 'currency');
  const currency = data.currency;
  const occurredAt = command.metadata.occurredAt;

  const portalAccess = toPortalAccess(data.portalAccess ?? DEFAULT_PORTAL_ACCESS, 'portalAccess');
  const billingPoint = data.billingPoint ?? 'delivery';
  assertOneOf(billingPoint, BILLING_POINTS, 'billingPoint');
  assertBillingPointFitsPortal(billingPoint, portalAccess, 'billingPoint');

  const settings: PartnerRegistrationSettings = {
    partnerType: toPartnerType(data.partnerType, currency, null, 'partnerType'),
    portalAccess,
    portalLogin:
      data.portalLogin === undefined
        ? null
        : toPortalLogin(data.portalLogin, occurredAt, 'portalLogin'),
    payment: toPaymentMode(data.payment ?? { mode: 'pre-pay' }, currency, 'payment'),
    billingPoint,
    delivery: toDeliveryChannels(data.delivery ?? { email: true, internet: null }, 'delivery'),
    limits: toDeliveryLimits(data.limits ?? { daily: 0, monthly: 0 }, 'limits'),
    schedule: toDeliverySchedule(data.schedule ?? defaultDeliverySchedule(), 'schedule'),
    contact: toContactDetails(data.contact ?? {}, 'contact'),
    textAlerts: toTextAlerts(data.textAlerts ?? { onReferral: false, onLowFunds: false }),
    lowFundsThreshold: toMoney(
      data.lowFundsThreshold ?? { amount: 0, currency },
      currency,
      'lowFundsThreshold',
    ),
  };
  assertTextAlertsReachable(settings.contact, settings.textAlerts, 'textAlerts');
  return [
    {
      type: 'PartnerRegistered',
      data: { partnerId: data.partnerId, name, currency, registeredAt: occurredAt, settings },
    },
  ];
}
