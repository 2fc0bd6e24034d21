import { SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { PortalAccessLevel } from './portal-access';
import { ANY_PORTAL_ACCESS, type PortalAccessRequirement } from './portal-access-decision';
import { PORTAL_ACCESS_REQUIREMENT } from './portal-route-requirement';
import { PortalSessionGuard } from './portal-session.guard';

/**
 * The OpenAPI security scheme of portal routes (nest-kit's serveOpenApi declares
 * it): a bearer JWT like an operator's, but not interchangeable with one.
 */
const PORTAL_SESSION_SCHEME = 'portal-session';

/**
 * A portal route: a valid session of a partner that is active and whose
 * current level is one of `levels` (any level but `none` when none are given).
 * Applies {@link PortalSessionGuard}; put it on the class or on methods, not both.
 */
export function PortalAccessRequired(
  ...levels: Exclude<PortalAccessLevel, 'none'>[]
): MethodDecorator & ClassDecorator {
  const requirement: PortalAccessRequirement = levels.length > 0 ? levels : ANY_PORTAL_ACCESS;
  return applyDecorators(
    SetMetadata(PORTAL_ACCESS_REQUIREMENT, requirement),
    UseGuards(PortalSessionGuard),
    ApiBearerAuth(PORTAL_SESSION_SCHEME),
  );
}

/** Lead search and views: "search and view own leads, plus reports" or "only search and view own leads". */
export const RequiresPortalLeads = (): MethodDecorator & ClassDecorator =>
  PortalAccessRequired('leads-and-reports', 'leads-only');

/** Reports on the partner's leads: "search and view own leads, plus reports" only. */
export const RequiresPortalReports = (): MethodDecorator & ClassDecorator =>
  PortalAccessRequired('leads-and-reports');

/**
 * A valid, unrevoked session whatever the partner's access: signing out must
 * work for a partner whose access was just withdrawn.
 */
export const PortalSessionRequired = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(PORTAL_ACCESS_REQUIREMENT, 'session'),
    UseGuards(PortalSessionGuard),
    ApiBearerAuth(PORTAL_SESSION_SCHEME),
  );
