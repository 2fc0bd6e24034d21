import type { PortalAccessRequirement } from './portal-access-decision';

/** What a portal route asks for: levels, or `'session'` for a valid session alone (sign-out). */
export type PortalRouteRequirement = PortalAccessRequirement | 'session';

/** Metadata key of a route's {@link PortalRouteRequirement}. */
export const PORTAL_ACCESS_REQUIREMENT = Symbol('portal-access-requirement');
