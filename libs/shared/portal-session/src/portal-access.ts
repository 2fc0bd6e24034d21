/**
 * The portal access levels operators choose per partner (docs/partner-settings.md).
 * Kept here, not imported from the partners domain: every service guards its
 * portal endpoints with them, and no context imports another's domain.
 */
export const PORTAL_ACCESS_LEVELS = [
  'none',
  'leads-and-reports',
  'leads-only',
  'everything-except-leads',
] as const;

/** One of {@link PORTAL_ACCESS_LEVELS}. */
export type PortalAccessLevel = (typeof PORTAL_ACCESS_LEVELS)[number];

/** A partner's portal access as it is now. */
export interface PortalAccess {
  level: PortalAccessLevel;
  requireReferralAcceptance: boolean;
  mayUpdateLeadStatus: boolean;
  /** False once the partner is deactivated: its sessions then open nothing. */
  active: boolean;
}

/**
 * The port each service implements from its own read model: the partner's
 * current access, asked on every portal request (the token carries none, so
 * an operator's change takes effect at once). Null for a partner it does not know.
 */
export interface PortalAccessLookup {
  accessOf(partnerId: string): Promise<PortalAccess | null>;
}

/** Injection token of the service's {@link PortalAccessLookup}. */
export const PORTAL_ACCESS = Symbol('PORTAL_ACCESS');
