import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import type { BillingPoint, PortalAccess } from '../model/partner-settings';

/**
 * Billing at acceptance charges when the partner clicks Accept, so it needs
 * referral acceptance to be required; otherwise the partner is never charged.
 * Checked whichever side changes, with `field` naming the side the command changed.
 */
export function assertBillingPointFitsPortal(
  billingPoint: BillingPoint,
  portalAccess: PortalAccess,
  field: string,
): void {
  if (billingPoint === 'acceptance' && !portalAccess.requireReferralAcceptance) {
    throw new PartnerError(
      PartnerErrorCode.ACCEPTANCE_BILLING_NEEDS_REFERRAL_ACCEPTANCE,
      'billing at acceptance needs the partner to be required to accept referrals',
      field,
    );
  }
}
