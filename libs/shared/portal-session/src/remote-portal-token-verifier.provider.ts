import type { Provider } from '@nestjs/common';
import { CLOCK, type Clock, SERVICE_CONFIG, type ServiceConfig } from '@leadrail/nest-kit';
import { PORTAL_TOKEN_VERIFIER, PortalTokenVerifier } from './portal-token-verifier';

/**
 * The verifier of every service but partners: keys from PORTAL_JWKS_URL
 * (declare `requires: { portalJwksUrl: true }` so a missing URL stops the
 * service at start-up, with the other configuration problems).
 */
export const remotePortalTokenVerifier: Provider = {
  provide: PORTAL_TOKEN_VERIFIER,
  inject: [SERVICE_CONFIG, CLOCK],
  useFactory: (config: ServiceConfig, clock: Clock): PortalTokenVerifier => {
    const url = config.portalSession.jwksUrl;
    if (url === undefined) {
      throw new Error(
        `${config.service}: PORTAL_JWKS_URL is not set; declare requires.portalJwksUrl in its ServiceDefinition`,
      );
    }
    return PortalTokenVerifier.remote(url, clock);
  },
};
