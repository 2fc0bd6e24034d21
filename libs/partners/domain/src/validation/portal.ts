import type { PortalLoginInput } from '../commands/partner-command-inputs';
import {
  PORTAL_ACCESS_LEVELS,
  PORTAL_LOGIN_METHODS,
  type PortalAccess,
  type PortalLogin,
} from '../model/partner-settings';
import { assertEmail } from './contact';
import { assertOneOf } from './options';

/** The portal access checked and copied (so no stray property reaches the log). */
export function toPortalAccess(access: PortalAccess, field: string): PortalAccess {
  assertOneOf(access.level, PORTAL_ACCESS_LEVELS, `${field}.level`);
  return {
    level: access.level,
    requireReferralAcceptance: access.requireReferralAcceptance,
    mayUpdateLeadStatus: access.mayUpdateLeadStatus,
  };
}

/**
 * The portal login to record. Only the address and how it was created: a
 * password in the command would end up in the log, so nothing else is copied.
 */
export function toPortalLogin(
  input: PortalLoginInput,
  createdAt: string,
  field: string,
): PortalLogin {
  assertEmail(input.email, `${field}.email`);
  assertOneOf(input.method, PORTAL_LOGIN_METHODS, `${field}.method`);
  return { email: input.email, method: input.method, createdAt };
}
