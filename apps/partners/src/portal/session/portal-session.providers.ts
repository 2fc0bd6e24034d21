import type { Provider } from '@nestjs/common';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import {
  PORTAL_ACCESS,
  PORTAL_SESSION_REVOCATIONS,
  PORTAL_TOKEN_VERIFIER,
  PortalSessionGuard,
  PortalTokenVerifier,
} from '@leadrail/portal-session';
import { SignInFailures } from '../sign-in/sign-in-failures';
import { PortalSignIn } from '../sign-in/portal-sign-in';
import { PartnerDirectoryAccess } from './partner-directory-access';
import { PortalSessionIssuer } from './portal-session-issuer';
import { PortalSigningKeys } from './portal-signing-keys';
import { RevokedPortalSessions } from './revoked-portal-sessions';

/**
 * Portal sessions in the service that signs them: it verifies with its own
 * public keys (no request to itself), refuses signed-out sessions, and reads
 * access from its partner directory.
 */
export const portalSessionProviders: Provider[] = [
  PortalSigningKeys,
  PortalSessionIssuer,
  RevokedPortalSessions,
  SignInFailures,
  PortalSignIn,
  PartnerDirectoryAccess,
  PortalSessionGuard,
  {
    provide: PORTAL_TOKEN_VERIFIER,
    inject: [PortalSigningKeys, CLOCK],
    useFactory: (keys: PortalSigningKeys, clock: Clock) =>
      PortalTokenVerifier.local(keys.publicKeySet, clock),
  },
  { provide: PORTAL_ACCESS, useExisting: PartnerDirectoryAccess },
  { provide: PORTAL_SESSION_REVOCATIONS, useExisting: RevokedPortalSessions },
];
