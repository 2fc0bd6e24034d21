import type { PortalAccess, PortalAccessLevel } from './portal-access';

/** What a portal endpoint accepts: a signed-in partner of one of these levels (never `none`). */
export type PortalAccessRequirement = readonly Exclude<PortalAccessLevel, 'none'>[];

/** Every level that opens the portal at all. */
export const ANY_PORTAL_ACCESS: PortalAccessRequirement = [
  'leads-and-reports',
  'leads-only',
  'everything-except-leads',
];

export type PortalAccessDecision = { allowed: true } | { allowed: false; message: string };

/**
 * Whether a partner with this access (as it is now, not as it was at sign-in)
 * may use an endpoint that accepts `required`. Refusals name the reason, so a
 * partner knows whether to ask the operator for a different level.
 */
export function decidePortalAccess(
  access: PortalAccess | null,
  required: PortalAccessRequirement,
): PortalAccessDecision {
  if (access === null) {
    return { allowed: false, message: 'this partner has no portal access' };
  }
  if (!access.active) {
    return { allowed: false, message: 'this partner is inactive: its portal is closed' };
  }
  if (access.level === 'none') {
    return {
      allowed: false,
      message: 'this partner has no portal access (level "none"); the operator sets the level',
    };
  }
  if (!required.includes(access.level)) {
    return {
      allowed: false,
      message: `portal access level "${access.level}" does not include this; it needs ${required.map((level) => `"${level}"`).join(' or ')}`,
    };
  }
  return { allowed: true };
}
