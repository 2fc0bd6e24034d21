import { Expose, Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  Min,
  type ValidationArguments,
  ValidateBy,
} from 'class-validator';
import { readPortalKey } from './portal-signing-key';

const KEY_ID = /^[A-Za-z0-9._-]{1,100}$/;
const KEY_ID_MESSAGE = (variable: string) =>
  `${variable} must be 1 to 100 letters, digits, ".", "_" or "-"`;

/** A PEM key that readPortalKey accepts; the message names the problem, never the key. */
function PortalKey(kind: 'private' | 'public'): PropertyDecorator {
  return ValidateBy({
    name: 'portalKey',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && 'key' in readPortalKey(value, kind),
      defaultMessage: (args?: ValidationArguments) => {
        const read = readPortalKey(String(args?.value ?? ''), kind);
        return `${args?.property ?? 'key'} ${'problem' in read ? read.problem : 'is invalid'}`;
      },
    },
  });
}

/**
 * Partner portal sessions (docs/operations.md, "Partner portal sessions"):
 * the partners service signs short-lived tokens with PORTAL_SIGNING_KEY and
 * publishes the public half at /.well-known/jwks.json, which every other
 * service reads from PORTAL_JWKS_URL.
 */
export class PortalSessionEnv {
  /** The partners service's signing key: PKCS#8 PEM, Ed25519 (EdDSA) or P-256 (ES256). */
  @Expose()
  @IsOptional()
  @PortalKey('private')
  PORTAL_SIGNING_KEY?: string;

  /** The signing key's `kid`; defaults to its RFC 7638 thumbprint. */
  @Expose()
  @IsOptional()
  @Matches(KEY_ID, { message: KEY_ID_MESSAGE('PORTAL_SIGNING_KEY_ID') })
  PORTAL_SIGNING_KEY_ID?: string;

  /** During a rotation: the previous key's public half (SPKI PEM), still published and accepted. */
  @Expose()
  @IsOptional()
  @PortalKey('public')
  PORTAL_PREVIOUS_PUBLIC_KEY?: string;

  /** The previous key's `kid`; defaults to its RFC 7638 thumbprint. */
  @Expose()
  @IsOptional()
  @Matches(KEY_ID, { message: KEY_ID_MESSAGE('PORTAL_PREVIOUS_PUBLIC_KEY_ID') })
  PORTAL_PREVIOUS_PUBLIC_KEY_ID?: string;

  /** How long a portal session token is valid; short, because other services cannot see a sign-out. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'PORTAL_SESSION_TTL_SECONDS must be a whole number from 1 to 86400' })
  @Min(1, { message: 'PORTAL_SESSION_TTL_SECONDS must be a whole number from 1 to 86400' })
  @Max(86_400, { message: 'PORTAL_SESSION_TTL_SECONDS must be a whole number from 1 to 86400' })
  PORTAL_SESSION_TTL_SECONDS = 900;

  /** Where services other than partners fetch the portal's public keys. */
  @Expose()
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    {
      message:
        'PORTAL_JWKS_URL must be an http:// or https:// URL, e.g. http://partners:3001/.well-known/jwks.json',
    },
  )
  PORTAL_JWKS_URL?: string;
}
