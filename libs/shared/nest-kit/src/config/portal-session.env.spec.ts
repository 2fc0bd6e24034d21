import { generateKeyPairSync } from 'node:crypto';
import { ConfigError } from './config-error';
import { loadServiceConfig } from './service-config';

const VALID = {
  DATABASE_URL: 'postgres://leadrail:secret@db.internal:5432/leadrail',
  KAFKA_BROKERS: 'kafka-1:9092',
};

function pem(type: 'ed25519' | 'ec' | 'rsa', kind: 'private' | 'public' = 'private'): string {
  const pair =
    type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      : type === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ed25519');
  return kind === 'private'
    ? pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    : pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

function problemsOf(env: NodeJS.ProcessEnv, requires = {}): Record<string, string> {
  try {
    loadServiceConfig('partners', env, requires);
  } catch (error) {
    if (error instanceof ConfigError) {
      return Object.fromEntries(error.problems.map((p) => [p.variable, p.message]));
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('portal session configuration', () => {
  it('defaults to 15-minute sessions and 5 failures per email, 20 per address, over 15 minutes', () => {
    expect(loadServiceConfig('routing', VALID).portalSession).toEqual({
      signingKey: undefined,
      previousPublicKey: undefined,
      ttlSeconds: 900,
      jwksUrl: undefined,
      lockout: {
        failuresPerEmail: 5,
        failuresPerAddress: 20,
        windowSeconds: 900,
        baseLockSeconds: 60,
      },
    });
  });

  it('reads an Ed25519 key as EdDSA and a P-256 key as ES256, with a thumbprint kid unless one is given', () => {
    const ed = loadServiceConfig('partners', { ...VALID, PORTAL_SIGNING_KEY: pem('ed25519') });
    expect(ed.portalSession.signingKey).toMatchObject({
      algorithm: 'EdDSA',
      kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
    });
    const ec = loadServiceConfig('partners', {
      ...VALID,
      PORTAL_SIGNING_KEY: pem('ec'),
      PORTAL_SIGNING_KEY_ID: 'portal-2025-01',
      PORTAL_PREVIOUS_PUBLIC_KEY: pem('ed25519', 'public'),
    });
    expect(ec.portalSession.signingKey).toMatchObject({
      algorithm: 'ES256',
      kid: 'portal-2025-01',
    });
    expect(ec.portalSession.previousPublicKey).toMatchObject({ algorithm: 'EdDSA' });
  });

  it('accepts a PEM kept on one line with literal \\n, as secret stores often hold it', () => {
    const oneLine = pem('ed25519').replace(/\n/g, '\\n');
    const config = loadServiceConfig('partners', { ...VALID, PORTAL_SIGNING_KEY: oneLine });
    expect(config.portalSession.signingKey?.pem).toContain('\n');
  });

  it('refuses keys that are not Ed25519 or P-256, or not keys, without echoing them', () => {
    const rsa = pem('rsa');
    const problems = problemsOf({
      ...VALID,
      PORTAL_SIGNING_KEY: rsa,
      PORTAL_PREVIOUS_PUBLIC_KEY: 'not a key',
      PORTAL_SESSION_TTL_SECONDS: '0',
      PORTAL_JWKS_URL: 'partners/jwks',
    });
    expect(problems).toEqual({
      PORTAL_SIGNING_KEY: 'PORTAL_SIGNING_KEY must be an Ed25519 or a P-256 (prime256v1) key',
      PORTAL_PREVIOUS_PUBLIC_KEY:
        'PORTAL_PREVIOUS_PUBLIC_KEY is not a readable SPKI public key in PEM form',
      PORTAL_SESSION_TTL_SECONDS:
        'PORTAL_SESSION_TTL_SECONDS must be a whole number from 1 to 86400',
      PORTAL_JWKS_URL: expect.stringContaining(
        'PORTAL_JWKS_URL must be an http:// or https:// URL',
      ) as unknown,
    });
    expect(JSON.stringify(problems)).not.toContain('PRIVATE KEY');
  });

  it('requires the signing key of a service that signs sessions, and the JWKS URL of one that verifies them', () => {
    expect(problemsOf(VALID, { portalSigningKey: true }).PORTAL_SIGNING_KEY).toContain(
      'PORTAL_SIGNING_KEY is required: this service signs partner portal sessions',
    );
    expect(problemsOf(VALID, { portalJwksUrl: true }).PORTAL_JWKS_URL).toContain(
      'PORTAL_JWKS_URL is required',
    );
  });
});
