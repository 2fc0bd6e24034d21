import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { PortalPartner, PortalRequest } from './portal-partner';

/** The signed-in partner of a route guarded by {@link PortalSessionGuard}: `{ partnerId, access, session }`. */
export const CurrentPortalPartner = createParamDecorator(
  (_: unknown, context: ExecutionContext): PortalPartner => {
    const partner = context.switchToHttp().getRequest<PortalRequest>().portalPartner;
    if (!partner) {
      // A route that reads the partner without the guard: a programming error, not a 401.
      throw new Error('CurrentPortalPartner used on a route without PortalSessionGuard');
    }
    return partner;
  },
);
