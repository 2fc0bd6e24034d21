import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PORTAL_TOKEN_AUDIENCE, PORTAL_TOKEN_ISSUER } from '@leadrail/portal-session';
import { type JWK, SignJWT } from 'jose';

/** A stand-in for the partners service's portal session keys, for tests of any service. */
export interface TestPortalIssuer {
  /** PKCS#8 PEM of an Ed25519 key: PORTAL_SIGNING_KEY of a partners service under test. */
  signingKeyPem: string;
  kid: string;
  /** Serves the public key as a JWKS: PORTAL_JWKS_URL of other services under test. */
  jwksUrl: string;
  /** A portal session token for the partner, signed as the partners service signs them. */
  token(partnerId: string, options?: { ttlSeconds?: number }): Promise<string>;
}

let issuer: Promise<TestPortalIssuer> | undefined;

/**
 * One key pair and one JWKS server per test file (the server does not keep
 * the process alive), so a partners service and the services verifying its
 * tokens agree on the key without any file or secret shared between runs.
 */
export function testPortalIssuer(): Promise<TestPortalIssuer> {
  issuer ??= startIssuer();
  return issuer;
}

async function startIssuer(): Promise<TestPortalIssuer> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const signingKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const kid = `test-${randomUUID()}`;
  const jwk = { ...(createPublicKey(privateKey).export({ format: 'jwk' }) as JWK), kid };
  const server = createServer((_, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [{ ...jwk, alg: 'EdDSA', use: 'sig' }] }));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  server.unref();
  const { port } = server.address() as AddressInfo;
  const key = createPrivateKey(signingKeyPem);
  return {
    signingKeyPem,
    kid,
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    token: (partnerId, options = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
        .setIssuer(PORTAL_TOKEN_ISSUER)
        .setAudience(PORTAL_TOKEN_AUDIENCE)
        .setSubject(partnerId)
        .setJti(randomUUID())
        .setIssuedAt(now)
        .setExpirationTime(now + (options.ttlSeconds ?? 900))
        .sign(key);
    },
  };
}
