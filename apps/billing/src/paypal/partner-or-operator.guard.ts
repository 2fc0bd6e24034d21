import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import {
  OperatorAuthGuard,
  SERVICE_CONFIG,
  type ServiceConfig,
  findOperator,
} from '@leadrail/nest-kit';
import { PortalSessionGuard, bearerToken } from '@leadrail/portal-session';
import type { Request } from 'express';

/**
 * Routes open to both a signed-in partner and an operator (a capture: the
 * portal after PayPal's approval, or an operator finishing it for the
 * partner). Neither library guard takes both, so this one picks by the token:
 * an operator's token goes through OperatorAuthGuard (its role rules apply,
 * `RequiresAdmin`), anything else through PortalSessionGuard (its access
 * rules apply, from the route's portal requirement). The request then carries
 * `operator` or `portalPartner`, exactly one of them.
 */
@Injectable()
export class PartnerOrOperatorGuard implements CanActivate {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(OperatorAuthGuard) private readonly operators: OperatorAuthGuard,
    @Inject(PortalSessionGuard) private readonly portal: PortalSessionGuard,
  ) {}

  canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'a portal session or an operator token is required: Authorization: Bearer <token>',
      });
    }
    return findOperator(this.config.operators, token) === undefined
      ? this.portal.canActivate(context)
      : this.operators.canActivate(context);
  }
}
