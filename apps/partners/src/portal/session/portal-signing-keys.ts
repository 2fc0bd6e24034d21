import { type KeyObject, createPrivateKey, createPublicKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@leadrail/nest-kit';
import type { JSONWebKeySet, JWK } from 'jose';

type KeyConfig = NonNullable<ServiceConfig['portalSession']['signingKey']>;

/**
 * The partners service's portal session keys: the private key it signs with
 * (PORTAL_SIGNING_KEY) and the public key set it publishes, which also holds
 * the previous key during a rotation (PORTAL_PREVIOUS_PUBLIC_KEY), so tokens
 * signed before the switch stay valid until they expire.
 */
@Injectable()
export class PortalSigningKeys {
  readonly signing: { key: KeyObject; kid: string; algorithm: KeyConfig['algorithm'] };
  readonly publicKeySet: JSONWebKeySet;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    const { signingKey, previousPublicKey } = config.portalSession;
    if (!signingKey) {
      // Configuration validation requires it for this service; reaching here is a wiring mistake.
      throw new Error('partners: PORTAL_SIGNING_KEY is not configured');
    }
    const key = createPrivateKey(signingKey.pem);
    this.signing = { key, kid: signingKey.kid, algorithm: signingKey.algorithm };
    const published = [publicJwk(createPublicKey(key), signingKey)];
    if (previousPublicKey && previousPublicKey.kid !== signingKey.kid) {
      published.push(publicJwk(createPublicKey(previousPublicKey.pem), previousPublicKey));
    }
    this.publicKeySet = { keys: published };
  }
}

function publicJwk(key: KeyObject, config: KeyConfig): JWK {
  return {
    ...(key.export({ format: 'jwk' }) as JWK),
    kid: config.kid,
    alg: config.algorithm,
    use: 'sig',
  };
}
