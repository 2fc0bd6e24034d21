import { type KeyObject, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { type JWK, SignJWT } from 'jose';
import { PortalTokenRejected } from './portal-token-rejected';
import { PortalTokenVerifier } from './portal-token-verifier';

const NOW = new Date('2025-01-01T12:00:00Z');
const seconds = NOW.getTime() / 1000;

function keyPair(kid: string): { key: KeyObject; jwk: JWK } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    key: privateKey,
    jwk: { ...(createPublicKey(privateKey).export({ format: 'jwk' }) as JWK), kid, alg: 'EdDSA' },
  };
}

const current = keyPair('current');
const verifier = PortalTokenVerifier.local({ keys: [current.jwk] }, { now: () => NOW });

function token(
  overrides: {
    audience?: string;
    issuer?: string;
    exp?: number;
    key?: KeyObject;
    kid?: string;
  } = {},
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'EdDSA', kid: overrides.kid ?? 'current' })
    .setIssuer(overrides.issuer ?? 'leadrail.partners')
    .setAudience(overrides.audience ?? 'leadrail.portal')
    .setSubject('8d1b9d0e-3f0e-4a57-9a8e-6f3f1f1c2b11')
    .setJti('0b6f3c4e-2a0d-4a43-9d5e-4b8a9c2d1e0f')
    .setIssuedAt(seconds - 60)
    .setExpirationTime(overrides.exp ?? seconds + 60)
    .sign(overrides.key ?? current.key);
}

async function problemOf(tokenText: string): Promise<string> {
  const error = await verifier.verify(tokenText).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(PortalTokenRejected);
  return (error as PortalTokenRejected).problem;
}

describe(PortalTokenVerifier.name, () => {
  it('reads the partner, the session and the expiry of a token signed with a published key', async () => {
    expect(await verifier.verify(await token())).toEqual({
      partnerId: '8d1b9d0e-3f0e-4a57-9a8e-6f3f1f1c2b11',
      sessionId: '0b6f3c4e-2a0d-4a43-9d5e-4b8a9c2d1e0f',
      expiresAt: new Date((seconds + 60) * 1000),
    });
  });

  it('says a token past its expiry (by its clock) has expired', async () => {
    expect(await problemOf(await token({ exp: seconds - 1 }))).toBe('expired');
  });

  it('refuses another issuer or audience, another key, an unknown kid and garbage as invalid', async () => {
    const other = keyPair('current');
    expect(await problemOf(await token({ issuer: 'someone.else' }))).toBe('invalid');
    expect(await problemOf(await token({ audience: 'leadrail.admin' }))).toBe('invalid');
    expect(await problemOf(await token({ key: other.key }))).toBe('invalid');
    expect(await problemOf(await token({ kid: 'retired' }))).toBe('invalid');
    expect(await problemOf('not.a.token')).toBe('invalid');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const [, payload] = (await token()).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: 'current' })).toString(
      'base64url',
    );
    expect(await problemOf(`${header}.${payload}.`)).toBe('invalid');
  });
});
