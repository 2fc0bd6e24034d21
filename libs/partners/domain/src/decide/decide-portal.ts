import type { RecordPortalLogin, SetPortalAccess } from '../commands/partner-commands';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import type { PortalAccessChanged, PortalLoginCreated } from '../events/partner-events';
import type { ActivePartner } from '../model/partner-state';
import { assertBillingPointFitsPortal } from '../rules/billing-rules';
import { eventIfChanged } from '../rules/unchanged';
import { toPortalAccess, toPortalLogin } from '../validation/portal';

/** Sets the portal access; referral acceptance cannot be dropped while billing at acceptance. */
export function decidePortalAccess(
  command: SetPortalAccess,
  partner: ActivePartner,
): PortalAccessChanged[] {
  const portalAccess = toPortalAccess(command.data.portalAccess, 'portalAccess');
  assertBillingPointFitsPortal(
    partner.settings.billingPoint,
    portalAccess,
    'portalAccess.requireReferralAcceptance',
  );
  return eventIfChanged(partner.settings.portalAccess, portalAccess, {
    type: 'PortalAccessChanged',
    data: { partnerId: partner.id, portalAccess },
  });
}

/**
 * Records the partner's portal login. A partner has one login: recording the
 * same one again is a retry and decides nothing; a different one is refused.
 */
export function decidePortalLogin(
  command: RecordPortalLogin,
  partner: ActivePartner,
): PortalLoginCreated[] {
  const portalLogin = toPortalLogin(
    command.data.portalLogin,
    command.metadata.occurredAt,
    'portalLogin',
  );
  const current = partner.settings.portalLogin;
  if (current === null) {
    return [{ type: 'PortalLoginCreated', data: { partnerId: partner.id, portalLogin } }];
  }
  if (current.email === portalLogin.email && current.method === portalLogin.method) {
    return [];
  }
  throw new PartnerError(
    PartnerErrorCode.PORTAL_LOGIN_ALREADY_EXISTS,
    `partner ${partner.id} already has a portal login (${current.email})`,
    'portalLogin',
  );
}
