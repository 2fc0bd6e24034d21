import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { parseApiKey } from '@leadrail/leads-domain';
import type { Request, Response } from 'express';
import { ApiKeySecrets } from './api-key-secrets';
import { IntakeAuthMetrics, type IntakeAuthFailure } from './intake-auth-metrics';
import { IntroducerApiKeys } from './introducer-api-keys';

/** The introducer an intake request acts for, and the key it presented. */
export interface AuthenticatedIntroducer {
  introducerId: string;
  keyId: string;
}

type IntakeRequest = Request & { introducer?: AuthenticatedIntroducer };

/** The introducer the guard authenticated: `@CurrentIntroducer() introducer: AuthenticatedIntroducer`. */
export const CurrentIntroducer = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedIntroducer => {
    const introducer = context.switchToHttp().getRequest<IntakeRequest>().introducer;
    if (!introducer) {
      // A route using the decorator without the guard is a programming error, not a client's.
      throw new Error('CurrentIntroducer needs IntroducerApiKeyGuard on the route');
    }
    return introducer;
  },
);

const REALM = 'Bearer realm="leadrail-intake"';
const MISSING =
  'an introducer API key is required: Authorization: Bearer lrk_… or X-Api-Key: lrk_…';
// One message for a malformed, unknown or wrong key: a caller learns nothing about which key ids exist.
const INVALID = 'the API key is not valid';
const REVOKED = 'the API key was revoked: ask your LeadRail operator for a new one';

/**
 * Authenticates an introducer by its API key (`Authorization: Bearer lrk_…`
 * or `X-Api-Key: lrk_…`) and sets `request.introducer`. Anything else is a
 * 401 with `WWW-Authenticate`. A revoked key is named as such only to a
 * caller who holds its secret.
 */
@Injectable()
export class IntroducerApiKeyGuard implements CanActivate {
  constructor(
    @Inject(IntroducerApiKeys) private readonly keys: IntroducerApiKeys,
    @Inject(ApiKeySecrets) private readonly secrets: ApiKeySecrets,
    @Inject(IntakeAuthMetrics) private readonly metrics: IntakeAuthMetrics,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<IntakeRequest>();
    const refuse = (reason: IntakeAuthFailure, message: string): never => {
      this.metrics.failed(reason);
      http.getResponse<Response>().setHeader('WWW-Authenticate', REALM);
      throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message });
    };
    const presented = presentedKey(request);
    if (presented === undefined) {
      return refuse('missing', MISSING);
    }
    const parts = presented === null ? undefined : parseApiKey(presented);
    if (!parts) {
      return refuse('malformed', INVALID);
    }
    const stored = await this.keys.find(parts.keyId);
    // Compared even for an unknown id (against a decoy), so both failures do the same work.
    if (!this.secrets.matches(parts.secret, stored?.secretHash) || !stored) {
      return refuse(stored ? 'wrong-secret' : 'unknown', INVALID);
    }
    if (stored.revoked) {
      return refuse('revoked', REVOKED);
    }
    request.introducer = { introducerId: stored.introducerId, keyId: stored.keyId };
    return true;
  }
}

/**
 * The key a request presents: undefined when it presents none, null when
 * what it presents cannot be one key (another scheme only, or two different keys).
 */
function presentedKey(request: Request): string | null | undefined {
  const { authorization } = request.headers;
  const header = request.headers['x-api-key'];
  if (Array.isArray(header)) {
    return null;
  }
  const bearer = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
  const apiKey = header?.trim();
  if (bearer !== undefined && apiKey !== undefined && apiKey !== bearer) {
    return null;
  }
  const key = bearer ?? apiKey;
  if (key !== undefined) {
    return key;
  }
  return authorization === undefined ? undefined : null;
}
