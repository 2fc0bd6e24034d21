import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Optional,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { bearerToken } from './bearer-token';
import { PORTAL_ACCESS, type PortalAccessLookup } from './portal-access';
import { ANY_PORTAL_ACCESS, decidePortalAccess } from './portal-access-decision';
import type { PortalRequest } from './portal-partner';
import { PORTAL_ACCESS_REQUIREMENT, type PortalRouteRequirement } from './portal-route-requirement';
import {
  PORTAL_SESSION_REVOCATIONS,
  type PortalSessionRevocations,
} from './portal-session-revocations';
import type { PortalSession } from './portal-token-claims';
import { PortalTokenRejected } from './portal-token-rejected';
import { PORTAL_TOKEN_VERIFIER, type PortalTokenVerifier } from './portal-token-verifier';

/**
 * Portal routes: `Authorization: Bearer <session token>`, verified with the
 * partners service's public keys; then the partner's *current* access, from
 * the service's own {@link PortalAccessLookup}, against what the route
 * requires ({@link PortalAccessRequired}). 401 for a missing, expired, forged
 * or signed-out token; 403 for an inactive partner or a level the route does
 * not accept; 503 when the public keys cannot be fetched.
 */
@Injectable()
export class PortalSessionGuard implements CanActivate {
  constructor(
    @Inject(PORTAL_TOKEN_VERIFIER) private readonly verifier: PortalTokenVerifier,
    @Inject(PORTAL_ACCESS) private readonly access: PortalAccessLookup,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Optional()
    @Inject(PORTAL_SESSION_REVOCATIONS)
    private readonly revocations?: PortalSessionRevocations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & PortalRequest>();
    const session = await this.session(request, http.getResponse<Response>());
    const requirement =
      this.reflector.getAllAndOverride<PortalRouteRequirement | undefined>(
        PORTAL_ACCESS_REQUIREMENT,
        [context.getHandler(), context.getClass()],
      ) ?? ANY_PORTAL_ACCESS;
    const access = await this.access.accessOf(session.partnerId);
    if (requirement !== 'session') {
      const decision = decidePortalAccess(access, requirement);
      if (!decision.allowed) {
        throw new ForbiddenException({
          statusCode: 403,
          error: 'Forbidden',
          message: decision.message,
        });
      }
    }
    request.portalPartner = { partnerId: session.partnerId, access, session };
    return true;
  }

  private async session(request: Request, response: Response): Promise<PortalSession> {
    try {
      const token = bearerToken(request.headers.authorization);
      if (token === undefined) {
        throw new PortalTokenRejected(
          'missing',
          'sign in to the portal (POST /portal/session) and send Authorization: Bearer <token>',
        );
      }
      const session = await this.verify(token);
      if (await this.revocations?.isRevoked(session.sessionId)) {
        throw new PortalTokenRejected(
          'revoked',
          'this portal session was signed out; sign in again',
        );
      }
      return session;
    } catch (error) {
      if (error instanceof PortalTokenRejected) {
        response.setHeader('WWW-Authenticate', challenge(error));
        throw new UnauthorizedException({
          statusCode: 401,
          error: 'Unauthorized',
          message: error.message,
        });
      }
      throw error;
    }
  }

  /** A key set that cannot be fetched is no reason to sign the partner out: 503, not 401. */
  private async verify(token: string): Promise<PortalSession> {
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof PortalTokenRejected) {
        throw error;
      }
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'the portal session keys cannot be read just now; try again shortly',
      });
    }
  }
}

/** RFC 6750, 3: no error code when no token came at all; `invalid_token` otherwise. */
function challenge(rejection: PortalTokenRejected): string {
  const realm = 'realm="leadrail.portal"';
  return rejection.problem === 'missing'
    ? `Bearer ${realm}`
    : `Bearer ${realm}, error="invalid_token", error_description="${rejection.message}"`;
}
