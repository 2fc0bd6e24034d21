import type { PortalAccess } from './portal-access';
import type { PortalSession } from './portal-token-claims';

/** The partner a portal request acts for, and its access as it is now. */
export interface PortalPartner {
  partnerId: string;
  /** Null only on session-only routes (sign-out) for a partner no longer known. */
  access: PortalAccess | null;
  session: PortalSession;
}

/** Where the guard leaves the partner on the request. */
export type PortalRequest = { portalPartner?: PortalPartner };
