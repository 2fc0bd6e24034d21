import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import type { Request } from 'express';
import { PortalCredentials } from './portal-credentials';
import { hashPortalPassword } from './portal-password';

/** The partner a portal request acts for. */
export interface PortalPartner {
  partnerId: string;
}

export const CurrentPortalPartner = createParamDecorator(
  (_: unknown, context: ExecutionContext): PortalPartner =>
    context.switchToHttp().getRequest<Request & { portalPartner: PortalPartner }>().portalPartner,
);

/** Verified against when the email is unknown, so both cases take an argon2 verification's time. */
const DECOY = hashPortalPassword('decoy password that matches nothing');

/**
 * Partners sign in to their portal with the email and password the operator
 * set (HTTP Basic over TLS). Wrong email and wrong password answer alike.
 */
@Injectable()
export class PortalAuthGuard implements CanActivate {
  constructor(@Inject(PortalCredentials) private readonly credentials: PortalCredentials) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<Request & { portalPartner?: PortalPartner }>();
    const credentials = basicCredentials(request.headers.authorization);
    const login = credentials ? await this.credentials.findByEmail(credentials.email) : undefined;
    // Verified even when the email is unknown, so both failures take an argon2 verification's time.
    const valid =
      credentials !== undefined &&
      (await verify(login?.passwordHash ?? (await DECOY), credentials.password)) &&
      login?.passwordHash;
    if (!valid || !login) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'sign in with your portal email and password',
      });
    }
    request.portalPartner = { partnerId: login.partnerId };
    return true;
  }
}

function basicCredentials(
  header: string | undefined,
): { email: string; password: string } | undefined {
  const encoded = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header ?? '')?.[1];
  if (!encoded) {
    return undefined;
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0
    ? { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
    : undefined;
}
